// Shapes a task for the API: its kind's labels, and the case reference only where the actor may see the case.
import type { Actor } from '../../auth/actor.js';
import { labelOf } from '../../../domain/codelists/codelist.js';
import { TASK_KINDS } from '../../../domain/process/tasks.js';
import type { TaskRow } from './task.repository.js';

export function presentTask(r: TaskRow, actor: Actor, today: string) {
  const data = (r.data ?? {}) as Record<string, unknown>;
  const inScope = Boolean(r.case_in_scope);
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: { sv: labelOf(TASK_KINDS, r.kind, 'sv'), en: labelOf(TASK_KINDS, r.kind, 'en') },
    caseId: inScope ? r.case_id : null,
    caseRef: inScope ? r.case_ref : null,
    dueOn: r.due_on,
    overdue: r.status === 'open' && r.due_on < today,
    status: r.status === 'done' ? ('done' as const) : ('open' as const),
    organisationId: r.organisation_id,
    userId: r.user_id,
    assignedToMe: r.user_id !== null && r.user_id === actor.userId,
    data,
    createdAt: new Date(r.created_at).toISOString(),
    doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
    closedAutomatically: data.autoClosed === true,
  };
}

export type TaskView = ReturnType<typeof presentTask>;
