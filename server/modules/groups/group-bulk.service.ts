// Bulk actions on the members of a group: assign, refer, report to the police. Each is ONE
// transaction over all listed cases: every case is loaded in scope first and every per-case
// rule checked before anything is written, so either all succeed or nothing is saved. Each
// case still gets its own timeline event and audit event, through the per-case *OnCase
// functions of the modules that own them.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { RuleError } from '../../http/errors.js';
import type { CaseContext } from '../cases/case.access.js';
import { today } from '../cases/case.service.js';
import { caseProblems, checkRecipient, sendReferralOnCase } from '../referrals/referral.service.js';
import { assignOnCase } from '../process/process.service.js';
import { recordPoliceReportOnCase } from '../criminal/criminal.service.js';
import { CASES_OUT_OF_SCOPE, loadMemberContexts, onGroup } from './group.access.js';
import type { GroupRow } from './group.repository.js';
import type { BulkAssignInput, BulkPoliceReportInput, BulkReferralInput } from './group.schema.js';

type BulkAction = 'assign' | 'referrals' | 'police_report';

async function runBulk(
  db: Kysely<DB>,
  actor: Actor,
  groupId: string,
  action: BulkAction,
  caseIds: readonly string[],
  each: (ctx: CaseContext, group: GroupRow) => Promise<string | null>,
  precheck?: (contexts: CaseContext[]) => Promise<void>,
) {
  return onGroup(db, actor, groupId, 'group.bulk', async (trx, group) => {
    const contexts = await loadMemberContexts(trx, actor, group, caseIds, 'group.bulk');
    if (!contexts) return CASES_OUT_OF_SCOPE;
    if (precheck) await precheck(contexts);
    const results = [];
    for (const ctx of contexts) results.push({ caseId: ctx.row.id, ref: ctx.row.ref, ok: true as const, id: await each(ctx, group) });
    await recordAudit(trx, actor, { action: 'group.bulk', resourceType: 'group', resourceId: group.id, details: { action, caseIds: results.map((r) => r.caseId) } });
    return { groupId: group.id, action, results };
  });
}

export async function bulkAssign(db: Kysely<DB>, actor: Actor, groupId: string, input: BulkAssignInput) {
  return runBulk(db, actor, groupId, 'assign', input.caseIds, async (ctx) => {
    await assignOnCase(ctx, { version: ctx.row.version, userId: input.userId });
    return input.userId;
  });
}

/**
 * Refers every listed person to one organisation. Consent stays individual: if any case lacks a
 * sharing basis (or cannot be referred for another reason) the whole command is refused with
 * 422 listing each such case (path caseIds.<index>, message "<ref>: <reason>"); the client
 * resends without them.
 */
export async function bulkRefer(db: Kysely<DB>, actor: Actor, groupId: string, input: BulkReferralInput) {
  return runBulk(
    db,
    actor,
    groupId,
    'referrals',
    input.caseIds,
    async (ctx, group) => (await sendReferralOnCase(ctx, { toOrgId: input.toOrgId, purpose: input.purpose, message: input.message, groupId: group.id })).id,
    async (contexts) => {
      const recipient = await checkRecipient(contexts[0]!, input);
      const on = today();
      const fields = [];
      for (const ctx of contexts) {
        const { problems } = await caseProblems(ctx, input.purpose, recipient, on);
        for (const p of problems) fields.push({ path: `caseIds.${input.caseIds.indexOf(ctx.row.id)}`, message: `${ctx.row.ref}: ${p.message}`, code: p.code });
      }
      if (fields.length > 0) {
        const refs = [...new Set(fields.map((f) => f.message.split(':')[0]))];
        const code = fields.every((f) => f.code === 'consent_required') ? 'consent_required' : 'bulk_refused';
        throw new RuleError(code, `No referral was sent: ${refs.length} of ${contexts.length} cases cannot be referred (${refs.join(', ')})`, fields.map(({ path, message }) => ({ path, message })));
      }
    },
  );
}

export async function bulkPoliceReport(db: Kysely<DB>, actor: Actor, groupId: string, input: BulkPoliceReportInput) {
  return runBulk(db, actor, groupId, 'police_report', input.caseIds, async (ctx, group) => {
    const report = await recordPoliceReportOnCase(ctx, { reportedOn: input.reportedOn, classification: input.classification, policeRef: input.policeRef, groupId: group.id });
    return report.id;
  });
}
