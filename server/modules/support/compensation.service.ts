// Compensation claims (state crime-victim compensation, unpaid wages under Act 2013:644, damages):
// filed and decided as the coordinator learns of them. Updates carry the version they were based
// on (optimistic locking); the audit trail keeps every before/after.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../http/errors.js';
import { canWriteSupport } from '../../policies/support.policy.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { onCaseRecord } from '../permits/case-record.js';
import { FieldChecks } from '../permits/field-checks.js';
import { caseIdOf, findCompensation } from './support.repository.js';
import { presentCompensation, type CompensationView } from './support.presenter.js';
import { diff, recordSupportWrite } from './support.service.js';
import type { FileCompensationInput, UpdateCompensationInput } from './support.schema.js';

const FORBIDDEN = "Only the region's coordinator records compensation claims";
const KEYS = ['decision', 'decidedOn', 'amountAwardedSek', 'amountClaimedSek'] as const;

export async function fileCompensationOnCase(ctx: CaseContext, input: FileCompensationInput): Promise<CompensationView> {
  if (!canWriteSupport(ctx, 'compensation')) throw new ForbiddenError(FORBIDDEN);
  const issues = new FieldChecks().notFuture('filedOn', input.filedOn);
  if (!issues.ok) throw new ValidationError('The claim has invalid fields', issues.issues);
  const { id } = await ctx.trx
    .insertInto('compensation_claims')
    .values({ case_id: ctx.row.id, kind: input.kind, filed_on: input.filedOn, amount_claimed_sek: input.amountClaimedSek ?? null, created_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordSupportWrite(ctx, 'compensation.record', 'compensation_filed', { key: 'claimId', id, op: 'create' }, diff(['kind', 'filedOn', 'amountClaimedSek'], null, { ...input, amountClaimedSek: input.amountClaimedSek ?? null }));
  return presentCompensation((await findCompensation(ctx.trx, id))!);
}

export async function fileCompensation(db: Kysely<DB>, actor: Actor, caseId: string, input: FileCompensationInput): Promise<CompensationView> {
  return onCase(db, actor, caseId, { auditAction: 'compensation.record', allowed: (ctx) => canWriteSupport(ctx, 'compensation'), forbiddenMessage: FORBIDDEN }, (ctx) =>
    fileCompensationOnCase(ctx, input),
  );
}

interface ClaimState {
  filedOn: string;
  decision: string;
  decidedOn: string | null;
  amountAwardedSek: number | null;
  amountClaimedSek: number | null;
}

function checkClaim(s: ClaimState): void {
  const issues = new FieldChecks().notFuture('decidedOn', s.decidedOn).notBefore('decidedOn', s.decidedOn, s.filedOn, 'the filing date');
  const decided = s.decision !== 'pending';
  if (decided && !s.decidedOn) issues.add('decidedOn', 'required once a decision is recorded');
  if (!decided && s.decidedOn) issues.add('decidedOn', 'only with a decision');
  const awards = s.decision === 'granted' || s.decision === 'partly_granted';
  if (awards && s.amountAwardedSek === null) issues.add('amountAwardedSek', `required when the claim is ${s.decision.replace('_', ' ')}`);
  if (!awards && s.amountAwardedSek !== null) issues.add('amountAwardedSek', `no amount is awarded on a claim that is ${s.decision}`);
  if (s.decision === 'partly_granted' && s.amountAwardedSek !== null && s.amountClaimedSek !== null && s.amountAwardedSek > s.amountClaimedSek) {
    issues.add('amountAwardedSek', `cannot exceed the amount claimed (${s.amountClaimedSek}) when partly granted`);
  }
  if (!issues.ok) throw new ValidationError('The claim has invalid fields', issues.issues);
}

export async function updateCompensation(db: Kysely<DB>, actor: Actor, id: string, input: UpdateCompensationInput): Promise<CompensationView> {
  if (KEYS.every((k) => input[k] === undefined)) throw new ValidationError('Nothing to change', [{ path: 'body', message: 'name at least one field to change' }]);
  return onCaseRecord(
    db,
    actor,
    { what: 'compensation claim', id, caseIdOf: (q) => caseIdOf(q, 'compensation_claims', id) },
    { auditAction: 'compensation.record', allowed: (ctx) => canWriteSupport(ctx, 'compensation'), forbiddenMessage: FORBIDDEN },
    async (ctx) => {
      const r = await findCompensation(ctx.trx, id, ctx.row.id, true);
      if (!r) throw new NotFoundError('compensation claim');
      if (r.version !== input.version) throw new VersionConflictError('compensation claim');
      const before = { decision: r.decision, decidedOn: r.decided_on, amountAwardedSek: r.amount_awarded_sek, amountClaimedSek: r.amount_claimed_sek };
      const next = {
        decision: input.decision ?? before.decision,
        decidedOn: input.decidedOn === undefined ? before.decidedOn : input.decidedOn,
        amountAwardedSek: input.amountAwardedSek === undefined ? before.amountAwardedSek : input.amountAwardedSek,
        amountClaimedSek: input.amountClaimedSek === undefined ? before.amountClaimedSek : input.amountClaimedSek,
      };
      checkClaim({ filedOn: r.filed_on, ...next });
      await ctx.trx
        .updateTable('compensation_claims')
        .set({ decision: next.decision, decided_on: next.decidedOn, amount_awarded_sek: next.amountAwardedSek, amount_claimed_sek: next.amountClaimedSek, version: r.version + 1 })
        .where('id', '=', id)
        .execute();
      await recordSupportWrite(ctx, 'compensation.record', 'compensation_updated', { key: 'claimId', id, op: 'update' }, diff(KEYS, before, next));
      return presentCompensation((await findCompensation(ctx.trx, id))!);
    },
  );
}
