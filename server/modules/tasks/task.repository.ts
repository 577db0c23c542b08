// SQL for tasks. Every read applies taskScope(actor): ownership and the case scope in SQL.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { taskCaseInScope, taskScope, type TaskOwnership } from '../../policies/task.policy.js';

type Q = Kysely<DB> | Transaction<DB>;

function visibleTasks(q: Q, actor: Actor, ownership: TaskOwnership | 'either') {
  return q
    .selectFrom('tasks')
    .leftJoin('cases as c', 'c.id', 'tasks.case_id')
    .where(taskScope(actor, ownership))
    .select((eb) => [
      'tasks.id',
      'tasks.kind',
      'tasks.case_id',
      'tasks.organisation_id',
      'tasks.user_id',
      'tasks.due_on',
      'tasks.status',
      'tasks.data',
      'tasks.created_at',
      'tasks.done_at',
      'c.ref as case_ref',
      taskCaseInScope(actor)(eb).as('case_in_scope'),
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof visibleTasks>['execute']>>[number];

export async function findTasks(q: Q, actor: Actor, opts: { ownership: TaskOwnership; status: 'open' | 'done'; today: string; page: number; pageSize: number }) {
  const base = visibleTasks(q, actor, opts.ownership).where('tasks.status', '=', opts.status);
  const { total } = await q
    .selectFrom('tasks')
    .where(taskScope(actor, opts.ownership))
    .where('tasks.status', '=', opts.status)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const ordered =
    opts.status === 'open'
      ? base.orderBy(sql`case when tasks.due_on < ${opts.today} then 0 else 1 end`).orderBy('tasks.due_on').orderBy('tasks.created_at')
      : base.orderBy('tasks.done_at', 'desc');
  const rows = await ordered.orderBy('tasks.id').limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize).execute();
  return { total: Number(total), rows };
}

export async function findVisibleTask(q: Q, actor: Actor, id: string): Promise<TaskRow | undefined> {
  return visibleTasks(q, actor, 'either').where('tasks.id', '=', id).executeTakeFirst();
}

export async function markTaskDone(q: Q, id: string, completedBy: string | null): Promise<boolean> {
  const res = await q
    .updateTable('tasks')
    .set({ status: 'done', done_at: new Date(), data: sql`tasks.data || ${JSON.stringify({ completedBy })}::jsonb` })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
