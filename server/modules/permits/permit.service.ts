// Permit applications on a case: record one (with the guard against a second reflection period
// application for the same person) and list them. Decisions, extensions and withdrawals live in
// permit-decision.service.ts.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../http/errors.js';
import { APPLICANT_ORG_KIND, canOnPermits, permitAbilities } from '../../policies/permit.policy.js';
import { PERMIT_APPLICANTS, type PermitApplicant } from '../../../domain/process/permits.js';
import { labelOf } from '../../../domain/codelists/codelist.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { today } from '../cases/case.service.js';
import { FieldChecks } from './field-checks.js';
import {
  extensionsOf,
  findActiveReflectionAmong,
  findPermit,
  lockPersonsForPermits,
  permitsOfCase,
  type ActiveReflection,
} from './permit.repository.js';
import { presentPermit, type PermitView } from './permit.presenter.js';
import type { ApplyPermitInput } from './permit.schema.js';
import { samePersonIdsFor } from '../persons/same-person.js';
import { seal } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';

export { findActiveReflection, findActiveReflectionAmong, type ActiveReflection } from './permit.repository.js';

const FORBIDDEN_APPLY = "Only the region's coordinator or the applicant organisation itself may record a permit application";

export type ApplyResult = { ok: true; permit: PermitView } | { ok: false; duplicate: ActiveReflection };

export async function permitView(q: CaseContext['trx'] | Kysely<DB>, id: string): Promise<PermitView> {
  const row = await findPermit(q, id);
  if (!row) throw new Error(`permit ${id} vanished inside its own transaction`);
  return presentPermit(row, await extensionsOf(q, [id]), today());
}

export function duplicateMessage(d: ActiveReflection): string {
  const state = d.decision === 'granted' ? `granted (valid until ${d.validUntil})` : 'pending';
  return `A reflection period application for this person from ${d.organisationName}, submitted ${d.submittedOn}, is ${state}: a second application for the same person cannot be recorded`;
}

async function checkApplicant(ctx: CaseContext, input: ApplyPermitInput): Promise<void> {
  const issues = new FieldChecks().notFuture('submittedOn', input.submittedOn);
  const org = await ctx.trx.selectFrom('organisations').select(['kind', 'active']).where('id', '=', input.applicantOrgId).executeTakeFirst();
  const wanted = APPLICANT_ORG_KIND[input.applicantKind];
  if (!org || !org.active) issues.add('applicantOrgId', 'no such active organisation');
  else if (org.kind !== wanted) {
    issues.add('applicantOrgId', `is a ${org.kind} organisation; a ${labelOf(PERMIT_APPLICANTS, input.applicantKind, 'en')} application needs a ${wanted} organisation`);
  }
  // Aliens Act ch. 5 § 15: a witness permit is applied for by the pre-trial investigation leader.
  if (input.kind === 'witness' && input.applicantKind === 'social_welfare_board') {
    issues.add('applicantKind', 'a witness permit is applied for by the police or the prosecution, not a social welfare board');
  }
  if (input.viaCoordinator && input.applicantKind !== 'social_welfare_board') {
    issues.add('viaCoordinator', 'only a social welfare board applies via the regional coordinator');
  }
  if (!issues.ok) throw new ValidationError('The application has invalid fields', issues.issues);
}

/**
 * Records an application on an already-loaded case (bulk use: one call per case of a group).
 * A refused duplicate is audited in the caller's transaction and returned, not thrown, so the
 * audit event survives; the caller decides how to answer.
 */
export async function applyForPermitOnCase(ctx: CaseContext, input: ApplyPermitInput, samePersonIds: readonly string[] = []): Promise<ApplyResult> {
  const { trx, actor, row } = ctx;
  if (!canOnPermits(ctx, 'apply', input.applicantOrgId)) throw new ForbiddenError(FORBIDDEN_APPLY);
  await checkApplicant(ctx, input);
  const personIds = [row.person_id, ...samePersonIds];
  if (input.kind === 'reflection') {
    await lockPersonsForPermits(trx, personIds);
    const duplicate = await findActiveReflectionAmong(trx, personIds, today());
    if (duplicate) {
      await recordAudit(trx, actor, {
        action: 'permit.refused_duplicate',
        outcome: 'denied',
        resourceType: 'case',
        resourceId: row.id,
        caseId: row.id,
        personId: row.person_id,
        details: {
          attempted: { kind: input.kind, applicantOrgId: input.applicantOrgId, applicantKind: input.applicantKind, submittedOn: input.submittedOn },
          active: { permitId: duplicate.id, caseId: duplicate.caseId, organisationId: duplicate.organisationId, submittedOn: duplicate.submittedOn, decision: duplicate.decision },
        },
      });
      return { ok: false, duplicate };
    }
  }
  const inserted = await trx
    .insertInto('permit_applications')
    .values({
      case_id: row.id,
      person_id: row.person_id,
      kind: input.kind,
      applicant_org_id: input.applicantOrgId,
      applicant_kind: input.applicantKind,
      via_coordinator: input.viaCoordinator,
      submitted_on: input.submittedOn,
      note: seal(FIELD.permitNote, input.note),
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = { permitId: inserted.id, kind: input.kind, applicantOrgId: input.applicantOrgId, applicantKind: input.applicantKind as PermitApplicant, viaCoordinator: input.viaCoordinator, submittedOn: input.submittedOn };
  await addCaseEvent(trx, actor, row.id, 'permit_applied', after);
  await recordAudit(trx, actor, {
    action: 'permit.apply',
    resourceType: 'case',
    resourceId: row.id,
    caseId: row.id,
    personId: row.person_id,
    details: { before: null, after: { ...after, note: input.note ? '[text]' : '' } },
  });
  return { ok: true, permit: await permitView(trx, inserted.id) };
}

export async function applyForPermit(db: Kysely<DB>, actor: Actor, caseId: string, input: ApplyPermitInput): Promise<PermitView> {
  const result = await onCase(
    db,
    actor,
    caseId,
    {
      auditAction: 'permit.apply',
      allowed: (ctx) => canOnPermits(ctx, 'apply', input.applicantOrgId),
      forbiddenMessage: FORBIDDEN_APPLY,
    },
    // The guard also covers persons that matching links to this one (merged, or flagged as the same).
    async (ctx) => applyForPermitOnCase(ctx, input, await samePersonIdsFor(ctx.trx, ctx.row.person_id)),
  );
  if (!result.ok) throw new ConflictError('duplicate_reflection_application', duplicateMessage(result.duplicate));
  return result.permit;
}

export async function listPermits(db: Kysely<DB>, actor: Actor, caseId: string) {
  return onCase(
    db,
    actor,
    caseId,
    { auditAction: 'case.read', auditRead: { section: 'permits' }, allowed: (ctx) => canOnPermits(ctx, 'read') },
    async (ctx) => {
      const rows = await permitsOfCase(ctx.trx, caseId);
      const extensions = await extensionsOf(ctx.trx, rows.map((r) => r.id));
      const now = today();
      return { permits: rows.map((r) => presentPermit(r, extensions, now)), abilities: permitAbilities(ctx) };
    },
  );
}
