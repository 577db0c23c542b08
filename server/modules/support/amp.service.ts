// ÅMP (the IOM return programme): application, decision, return, and the two follow-ups. Every
// date must follow the one before it (applied → decided → returned → follow-up 1 → follow-up 2);
// a return needs an approved decision. Refusals name the field.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../http/errors.js';
import { canWriteSupport } from '../../policies/support.policy.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { onCaseRecord } from '../permits/case-record.js';
import { FieldChecks } from '../permits/field-checks.js';
import { caseIdOf, findAmp, lockCaseSupport, openAmp, type AmpRow } from './support.repository.js';
import { presentAmp, type AmpView } from './support.presenter.js';
import { diff, recordSupportWrite } from './support.service.js';
import type { ApplyAmpInput, UpdateAmpInput } from './support.schema.js';

const FORBIDDEN = "Only the region's coordinator or IOM records ÅMP returns";

// API field → column; every field but `version` is patchable.
const COLUMNS = {
  appliedOn: 'applied_on',
  returnCountry: 'return_country',
  accompanyingFamily: 'accompanying_family',
  accompanyingChildren: 'accompanying_children',
  decision: 'decision',
  decidedOn: 'decided_on',
  returnedOn: 'returned_on',
  followup1On: 'followup1_on',
  followup1Satisfaction: 'followup1_satisfaction',
  followup1Sustainable: 'followup1_sustainable',
  followup2On: 'followup2_on',
  followup2Satisfaction: 'followup2_satisfaction',
  followup2Sustainable: 'followup2_sustainable',
} as const satisfies Record<Exclude<keyof UpdateAmpInput, 'version'>, keyof AmpRow>;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];
type AmpState = { [F in Field]: AmpRow[(typeof COLUMNS)[F]] };

function checkReturnCountry(country: string | null | undefined, issues: FieldChecks): void {
  if (country === 'SE') issues.add('returnCountry', 'a return is to a country other than Sweden');
}

function checkState(s: AmpState): void {
  const issues = new FieldChecks();
  checkReturnCountry(s.returnCountry, issues);
  for (const f of ['appliedOn', 'decidedOn', 'returnedOn', 'followup1On', 'followup2On'] as const) issues.notFuture(f, s[f]);
  const decided = s.decision !== 'pending';
  if (decided && !s.decidedOn) issues.add('decidedOn', 'required once a decision is recorded');
  if (!decided && s.decidedOn) issues.add('decidedOn', 'only with a decision');
  issues.notBefore('decidedOn', s.decidedOn, s.appliedOn, 'the application');
  if (s.returnedOn && s.decision !== 'approved') issues.add('returnedOn', 'a return needs an approved ÅMP decision');
  issues.notBefore('returnedOn', s.returnedOn, s.decidedOn, 'the ÅMP decision');
  if (s.followup1On && !s.returnedOn) issues.add('followup1On', 'a follow-up needs the return date');
  issues.notBefore('followup1On', s.followup1On, s.returnedOn, 'the return');
  if (s.followup2On && !s.followup1On) issues.add('followup2On', 'follow-up 2 needs follow-up 1');
  issues.notBefore('followup2On', s.followup2On, s.followup1On, 'follow-up 1');
  for (const n of [1, 2] as const) {
    const on = s[`followup${n}On`];
    if (!on && s[`followup${n}Satisfaction`] !== null) issues.add(`followup${n}Satisfaction`, `needs followup${n}On`);
    if (!on && s[`followup${n}Sustainable`] !== null) issues.add(`followup${n}Sustainable`, `needs followup${n}On`);
  }
  if (!issues.ok) throw new ValidationError('The ÅMP return has invalid fields', issues.issues);
}

function stateOf(r: AmpRow): AmpState {
  return Object.fromEntries(FIELDS.map((f) => [f, r[COLUMNS[f]]])) as AmpState;
}

export async function applyForAmpOnCase(ctx: CaseContext, input: ApplyAmpInput): Promise<AmpView> {
  if (!canWriteSupport(ctx, 'amp')) throw new ForbiddenError(FORBIDDEN);
  const issues = new FieldChecks().notFuture('appliedOn', input.appliedOn);
  checkReturnCountry(input.returnCountry, issues);
  if (!issues.ok) throw new ValidationError('The ÅMP application has invalid fields', issues.issues);
  await lockCaseSupport(ctx.trx, ctx.row.id);
  const open = await openAmp(ctx.trx, ctx.row.id);
  if (open) throw new ConflictError('amp_application_open', `An ÅMP application of ${open.applied_on} is ${open.decision} and not completed; update that one`);
  const { id } = await ctx.trx
    .insertInto('amp_returns')
    .values({
      case_id: ctx.row.id,
      applied_on: input.appliedOn,
      return_country: input.returnCountry,
      accompanying_family: input.accompanyingFamily,
      accompanying_children: input.accompanyingChildren,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordSupportWrite(ctx, 'amp.record', 'amp_applied', { key: 'ampId', id, op: 'create' }, diff(['appliedOn', 'returnCountry', 'accompanyingFamily', 'accompanyingChildren'], null, input));
  return presentAmp((await findAmp(ctx.trx, id))!);
}

export async function applyForAmp(db: Kysely<DB>, actor: Actor, caseId: string, input: ApplyAmpInput): Promise<AmpView> {
  return onCase(db, actor, caseId, { auditAction: 'amp.record', allowed: (ctx) => canWriteSupport(ctx, 'amp'), forbiddenMessage: FORBIDDEN }, (ctx) => applyForAmpOnCase(ctx, input));
}

export async function updateAmp(db: Kysely<DB>, actor: Actor, id: string, input: UpdateAmpInput): Promise<AmpView> {
  const changed = FIELDS.filter((f) => input[f] !== undefined);
  if (changed.length === 0) throw new ValidationError('Nothing to change', [{ path: 'body', message: 'name at least one field to change' }]);
  return onCaseRecord(
    db,
    actor,
    { what: 'ÅMP return', id, caseIdOf: (q) => caseIdOf(q, 'amp_returns', id) },
    { auditAction: 'amp.record', allowed: (ctx) => canWriteSupport(ctx, 'amp'), forbiddenMessage: FORBIDDEN },
    async (ctx) => {
      const r = await findAmp(ctx.trx, id, ctx.row.id, true);
      if (!r) throw new NotFoundError('ÅMP return');
      if (r.version !== input.version) throw new VersionConflictError('ÅMP return');
      const before = stateOf(r);
      const next = { ...before } as Record<Field, unknown>;
      for (const f of changed) next[f] = input[f];
      checkState(next as AmpState);
      const set = Object.fromEntries(changed.map((f) => [COLUMNS[f], next[f]]));
      await ctx.trx.updateTable('amp_returns').set({ ...set, version: r.version + 1 }).where('id', '=', id).execute();
      await recordSupportWrite(ctx, 'amp.record', 'amp_updated', { key: 'ampId', id, op: 'update' }, diff(changed, before, next));
      return presentAmp((await findAmp(ctx.trx, id))!);
    },
  );
}
