// Support plans: the person's needs and the plan to meet them. Each save adds a new version;
// the newest is current and the earlier ones are the plan's history.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { RuleError } from '../../http/errors.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { canReadProcessDetails, canRunProcess } from '../../policies/process.policy.js';
import { insertSupportPlan, supportPlansOf } from './process.repository.js';
import { presentSupportPlan } from './process.presenter.js';
import { requireProcessRights } from './process.service.js';
import type { SupportPlanInput } from './process.schema.js';

type SupportPlanView = ReturnType<typeof presentSupportPlan>;

export async function addSupportPlanOnCase(ctx: CaseContext, input: SupportPlanInput): Promise<SupportPlanView> {
  requireProcessRights(ctx);
  if (ctx.row.status === 'closed') throw new RuleError('case_closed', 'The case is closed: reopen it before changing the support plan');
  const previous = await supportPlansOf(ctx.trx, ctx.row.id);
  const { id } = await insertSupportPlan(ctx.trx, { case_id: ctx.row.id, needs: input.needs, plan: input.plan, created_by: ctx.actor.userId });
  await ctx.trx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', ctx.row.id).execute();
  await addCaseEvent(ctx.trx, ctx.actor, ctx.row.id, 'support_plan', { supportPlanId: id, needs: input.needs });
  await recordAudit(ctx.trx, ctx.actor, {
    action: 'case.support_plan',
    resourceType: 'case',
    resourceId: ctx.row.id,
    caseId: ctx.row.id,
    personId: ctx.row.person_id,
    details: {
      before: previous[0] ? { supportPlanId: previous[0].id, needs: previous[0].needs } : null,
      after: { supportPlanId: id, needs: input.needs, plan: '[text]' },
    },
  });
  const created = (await supportPlansOf(ctx.trx, ctx.row.id)).find((p) => p.id === id)!;
  return presentSupportPlan(created, true);
}

export function addSupportPlan(db: Kysely<DB>, actor: Actor, caseId: string, input: SupportPlanInput): Promise<SupportPlanView> {
  return onCase(db, actor, caseId, { auditAction: 'case.support_plan', allowed: canRunProcess, forbiddenMessage: 'Only the coordinator of the case’s region writes the support plan' }, (ctx) =>
    addSupportPlanOnCase(ctx, input),
  );
}

/** The plan's history, newest (current) first. */
export function listSupportPlans(db: Kysely<DB>, actor: Actor, caseId: string): Promise<{ items: SupportPlanView[] }> {
  return onCase(
    db,
    actor,
    caseId,
    { auditAction: 'case.read', allowed: canReadProcessDetails, forbiddenMessage: 'The support plan is shown to the coordinator and to social services handling the case', auditRead: { section: 'support_plan' } },
    async (ctx) => ({ items: (await supportPlansOf(ctx.trx, ctx.row.id)).map((p, i) => presentSupportPlan(p, i === 0)) }),
  );
}
