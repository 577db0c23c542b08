// The daily task generator: creates the tasks whose day has come (idempotently: each task has a
// unique source key), closes the tasks whose cause is gone, hands unit tasks to the coordinator
// the case is assigned to, and records the run. Used by the daily job, the CLI and tests.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { systemActor } from '../../auth/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import { DEFAULT_ASSESSMENT_PENDING_DAYS, TASK_KINDS } from '../../../domain/process/tasks.js';
import { isIsoDate } from '../../../domain/age.js';
import { ampCauses, assessmentCauses, referralCauses, reflectionCauses, type TaskCause } from './task.causes.js';

export const GENERATE_TASKS_JOB = 'generate_tasks';

export interface GenerateTasksOptions {
  /** Days a case may wait for its assessment; default LOTS_ASSESSMENT_PENDING_DAYS or 14. */
  assessmentPendingDays?: number;
}

export interface GenerateTasksResult {
  today: string;
  created: number;
  closed: number;
  reassigned: number;
}

export function assessmentPendingDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LOTS_ASSESSMENT_PENDING_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_ASSESSMENT_PENDING_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 365) throw new Error(`LOTS_ASSESSMENT_PENDING_DAYS must be a whole number of days (1–365), got "${raw}"`);
  return n;
}

const GENERATED_KINDS = TASK_KINDS.map((k) => k.code);

export async function generateTasks(db: Kysely<DB>, today: string, opts: GenerateTasksOptions = {}): Promise<GenerateTasksResult> {
  if (!isIsoDate(today)) throw new RangeError(`generateTasks: "${today}" is not a YYYY-MM-DD date`);
  const pendingDays = opts.assessmentPendingDays ?? assessmentPendingDaysFromEnv();
  if (!Number.isInteger(pendingDays) || pendingDays < 1) throw new RangeError(`generateTasks: assessmentPendingDays must be a positive whole number, got ${pendingDays}`);
  const actor = systemActor('tasks');
  return db.transaction().execute(async (trx) => {
    const causes: TaskCause[] = [
      ...(await reflectionCauses(trx, today)),
      ...(await referralCauses(trx)),
      ...(await ampCauses(trx)),
      ...(await assessmentCauses(trx, pendingDays)),
    ];

    let created = 0;
    const due = causes.filter((c) => c.showFrom <= today);
    for (let i = 0; i < due.length; i += 500) {
      const inserted = await trx
        .insertInto('tasks')
        .values(
          due.slice(i, i + 500).map((c) => ({
            source_key: c.key,
            kind: c.kind,
            case_id: c.caseId,
            organisation_id: c.organisationId,
            user_id: c.userId,
            due_on: c.dueOn,
            data: JSON.stringify(c.data),
          })),
        )
        .onConflict((oc) => oc.column('source_key').doNothing())
        .returning('id')
        .execute();
      created += inserted.length;
    }

    const live = new Set(causes.map((c) => c.key));
    const open = await trx.selectFrom('tasks').select(['id', 'source_key']).where('status', '=', 'open').where('kind', 'in', GENERATED_KINDS).execute();
    const gone = open.filter((t) => !live.has(t.source_key)).map((t) => t.id);
    for (let i = 0; i < gone.length; i += 500) {
      await trx
        .updateTable('tasks')
        .set({ status: 'done', done_at: new Date(), data: sql`tasks.data || '{"autoClosed":true}'::jsonb` })
        .where('id', 'in', gone.slice(i, i + 500))
        .execute();
    }

    // A case assigned (or reassigned) since its task was made: the task follows the case.
    const reassigned = await trx
      .updateTable('tasks')
      .from('cases')
      .set((eb) => ({ user_id: eb.ref('cases.assigned_user_id') }))
      .whereRef('tasks.case_id', '=', 'cases.id')
      .whereRef('tasks.organisation_id', '=', 'cases.responsible_org_id')
      .where('tasks.status', '=', 'open')
      .where(sql<boolean>`tasks.user_id is distinct from cases.assigned_user_id`)
      .executeTakeFirst();

    await trx
      .insertInto('job_runs')
      .values({ job: GENERATE_TASKS_JOB, last_run_on: today, last_run_at: new Date() })
      .onConflict((oc) => oc.column('job').doUpdateSet({ last_run_on: today, last_run_at: new Date() }))
      .execute();
    const result = { today, created, closed: gone.length, reassigned: Number(reassigned.numUpdatedRows) };
    await recordAudit(trx, actor, { action: 'task.generate', resourceType: 'task', details: { ...result, assessmentPendingDays: pendingDays } });
    return result;
  });
}

/** The day of the generator's last run, or null if it never ran. */
export async function lastTaskRun(db: Kysely<DB>): Promise<string | null> {
  const row = await db.selectFrom('job_runs').select('last_run_on').where('job', '=', GENERATE_TASKS_JOB).executeTakeFirst();
  return row?.last_run_on ?? null;
}
