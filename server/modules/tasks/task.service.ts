// Task queries and commands for people: the actor's (or its organisation's) tasks, and
// completing one. The daily generator that creates and closes tasks is task.generator.ts.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../http/errors.js';
import { swedishToday } from '../../jobs/clock.js';
import { findTasks, findVisibleTask, markTaskDone } from './task.repository.js';
import { presentTask, type TaskView } from './task.presenter.js';
import type { ListTasksInput } from './task.schema.js';

export async function listTasks(db: Kysely<DB>, actor: Actor, input: ListTasksInput) {
  if (!actor.organisationId) throw new ForbiddenError('Tasks belong to an organisation; this account has none');
  const today = swedishToday();
  return db.transaction().execute(async (trx) => {
    const { total, rows } = await findTasks(trx, actor, { ownership: input.scope, status: input.status, today, page: input.page, pageSize: input.pageSize });
    const items = rows.map((r) => presentTask(r, actor, today));
    await recordAudit(trx, actor, {
      action: 'task.list',
      resourceType: 'task',
      details: { filters: { scope: input.scope, status: input.status, page: input.page }, caseIds: [...new Set(items.flatMap((t) => (t.caseId ? [t.caseId] : [])))] },
    });
    return { total, page: input.page, pageSize: input.pageSize, items };
  });
}

export async function completeTask(db: Kysely<DB>, actor: Actor, taskId: string): Promise<TaskView> {
  const today = swedishToday();
  const result = await db.transaction().execute(async (trx) => {
    const task = await findVisibleTask(trx, actor, taskId);
    if (!task) {
      const exists = await trx.selectFrom('tasks').select('case_id').where('id', '=', taskId).executeTakeFirst();
      await recordAudit(trx, actor, { action: 'task.complete', outcome: exists ? 'denied' : 'not_found', resourceType: 'task', resourceId: taskId, caseId: exists?.case_id ?? null });
      return null;
    }
    if (task.status !== 'open' || !(await markTaskDone(trx, taskId, actor.userId))) throw new ConflictError('task_done', 'The task is already done');
    await recordAudit(trx, actor, {
      action: 'task.complete',
      resourceType: 'task',
      resourceId: taskId,
      caseId: task.case_id,
      details: { kind: task.kind, before: { status: 'open' }, after: { status: 'done' } },
    });
    return (await findVisibleTask(trx, actor, taskId))!;
  });
  if (!result) throw new NotFoundError('task');
  return presentTask(result, actor, today);
}
