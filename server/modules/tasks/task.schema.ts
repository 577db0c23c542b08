// Request and response shapes of the task routes.
import { z } from 'zod';
import { zUuid } from '../../http/zod-codes.js';

export const ListTasksQuery = z
  .object({
    scope: z.enum(['mine', 'organisation']).default('organisation'),
    status: z.enum(['open', 'done']).default('open'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type ListTasksInput = z.infer<typeof ListTasksQuery>;

export const TaskIdParams = z.object({ id: zUuid }).strict();

/** Completing takes no input; an empty object (or no body) is accepted. */
export const CompleteTaskBody = z.object({}).strict().nullish();

export const TaskSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.object({ sv: z.string(), en: z.string() }),
  /** Null when the actor may not see the case (the recipient of a referral it has not accepted). */
  caseId: z.string().nullable(),
  caseRef: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(['open', 'done']),
  organisationId: z.string(),
  userId: z.string().nullable(),
  assignedToMe: z.boolean(),
  /** Small, non-identifying facts per kind (dates, ids, codes). */
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  closedAutomatically: z.boolean(),
});

export const TaskListSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(TaskSchema) });
