// NSP (the national support programme): enrolment of a person, the kinds of support, the
// children it reaches, and the end of support. One open enrolment per case at a time.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../http/errors.js';
import { canWriteSupport } from '../../policies/support.policy.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { onCaseRecord } from '../permits/case-record.js';
import { FieldChecks } from '../permits/field-checks.js';
import { caseIdOf, findNsp, lockCaseSupport, openNsp } from './support.repository.js';
import { presentNsp, type NspView } from './support.presenter.js';
import { diff, recordSupportWrite } from './support.service.js';
import type { EnrolNspInput, UpdateNspInput } from './support.schema.js';

const FORBIDDEN = "Only the region's coordinator or the NSP provider records NSP support";
const KEYS = ['enrolledOn', 'endedOn', 'supportTypes', 'accompanyingChildren', 'childrenInHomeCountry'] as const;

function checkDates(enrolledOn: string, endedOn: string | null | undefined): void {
  const issues = new FieldChecks().notFuture('enrolledOn', enrolledOn).notFuture('endedOn', endedOn).notBefore('endedOn', endedOn, enrolledOn, 'the enrolment');
  if (!issues.ok) throw new ValidationError('The NSP enrolment has invalid fields', issues.issues);
}

export async function enrolInNspOnCase(ctx: CaseContext, input: EnrolNspInput): Promise<NspView> {
  if (!canWriteSupport(ctx, 'nsp')) throw new ForbiddenError(FORBIDDEN);
  checkDates(input.enrolledOn, input.endedOn);
  await lockCaseSupport(ctx.trx, ctx.row.id);
  const open = input.endedOn ? undefined : await openNsp(ctx.trx, ctx.row.id);
  if (open) throw new ConflictError('nsp_enrolment_open', `The person is already enrolled in NSP since ${open.enrolled_on}; end that enrolment first`);
  const values = { ...input, supportTypes: [...new Set(input.supportTypes)], endedOn: input.endedOn ?? null };
  const { id } = await ctx.trx
    .insertInto('nsp_enrolments')
    .values({
      case_id: ctx.row.id,
      enrolled_on: values.enrolledOn,
      ended_on: values.endedOn,
      support_types: values.supportTypes,
      accompanying_children: values.accompanyingChildren,
      children_in_home_country: values.childrenInHomeCountry,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordSupportWrite(ctx, 'nsp.record', 'nsp_enrolled', { key: 'nspId', id, op: 'create' }, diff(KEYS, null, values));
  return presentNsp((await findNsp(ctx.trx, id))!);
}

export async function enrolInNsp(db: Kysely<DB>, actor: Actor, caseId: string, input: EnrolNspInput): Promise<NspView> {
  return onCase(db, actor, caseId, { auditAction: 'nsp.record', allowed: (ctx) => canWriteSupport(ctx, 'nsp'), forbiddenMessage: FORBIDDEN }, (ctx) => enrolInNspOnCase(ctx, input));
}

export async function updateNsp(db: Kysely<DB>, actor: Actor, id: string, input: UpdateNspInput): Promise<NspView> {
  if (KEYS.every((k) => input[k] === undefined)) throw new ValidationError('Nothing to change', [{ path: 'body', message: 'name at least one field to change' }]);
  return onCaseRecord(
    db,
    actor,
    { what: 'NSP enrolment', id, caseIdOf: (q) => caseIdOf(q, 'nsp_enrolments', id) },
    { auditAction: 'nsp.record', allowed: (ctx) => canWriteSupport(ctx, 'nsp'), forbiddenMessage: FORBIDDEN },
    async (ctx) => {
      await lockCaseSupport(ctx.trx, ctx.row.id);
      const r = await findNsp(ctx.trx, id, ctx.row.id, true);
      if (!r) throw new NotFoundError('NSP enrolment');
      if (r.version !== input.version) throw new VersionConflictError('NSP enrolment');
      const before = { enrolledOn: r.enrolled_on, endedOn: r.ended_on, supportTypes: r.support_types, accompanyingChildren: r.accompanying_children, childrenInHomeCountry: r.children_in_home_country };
      const next = {
        enrolledOn: input.enrolledOn ?? before.enrolledOn,
        endedOn: input.endedOn === undefined ? before.endedOn : input.endedOn,
        supportTypes: input.supportTypes ? [...new Set(input.supportTypes)] : before.supportTypes,
        accompanyingChildren: input.accompanyingChildren ?? before.accompanyingChildren,
        childrenInHomeCountry: input.childrenInHomeCountry ?? before.childrenInHomeCountry,
      };
      checkDates(next.enrolledOn, next.endedOn);
      if (next.endedOn === null && before.endedOn !== null && (await openNsp(ctx.trx, ctx.row.id, id))) {
        throw new ConflictError('nsp_enrolment_open', 'Another NSP enrolment of this person is open; this one cannot be reopened');
      }
      await ctx.trx
        .updateTable('nsp_enrolments')
        .set({
          enrolled_on: next.enrolledOn,
          ended_on: next.endedOn,
          support_types: next.supportTypes,
          accompanying_children: next.accompanyingChildren,
          children_in_home_country: next.childrenInHomeCountry,
          version: r.version + 1,
        })
        .where('id', '=', id)
        .execute();
      await recordSupportWrite(ctx, 'nsp.record', 'nsp_updated', { key: 'nspId', id, op: 'update' }, diff(KEYS, before, next));
      return presentNsp((await findNsp(ctx.trx, id))!);
    },
  );
}
