// The daily job runner, inside the server process (no external scheduler): runs the task
// generator at start-up and then once per Swedish calendar day. Every few minutes it checks
// job_runs; a day is run when the last run is older than today, so a restart, a sleeping laptop
// or several server instances never skip a day, and a second instance finds the day already done
// (the generator is idempotent in any case).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { generateTasks, lastTaskRun, type GenerateTasksOptions, type GenerateTasksResult } from '../modules/tasks/task.generator.js';
import { swedishToday } from './clock.js';
import { runDedupe } from '../modules/persons/dedupe.service.js';

export interface DailyJobsLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DailyJobsOptions extends GenerateTasksOptions {
  /** How often to check whether today's run is due (default 5 minutes). */
  checkEveryMs?: number;
  logger?: DailyJobsLogger;
  /** The clock, for tests. */
  now?: () => Date;
}

export interface DailyJobs {
  /** Runs today's jobs if they have not run yet; resolves with the result, or null if nothing was due. */
  tick(): Promise<GenerateTasksResult | null>;
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

export function startDailyJobs(db: Kysely<DB>, opts: DailyJobsOptions = {}): DailyJobs {
  const now = opts.now ?? (() => new Date());
  let running: Promise<GenerateTasksResult | null> | null = null;
  let stopped = false;

  const runIfDue = async (force: boolean): Promise<GenerateTasksResult | null> => {
    const today = swedishToday(now());
    if (!force) {
      const last = await lastTaskRun(db);
      if (last !== null && last >= today) return null;
    }
    const result = await generateTasks(db, today, opts);
    opts.logger?.info({ job: 'generate_tasks', ...result }, 'daily tasks generated');
    // The nightly duplicate search fills the coordinators' review queue; it never merges.
    try {
      await runDedupe(db);
      opts.logger?.info({ job: 'persons_dedupe' }, 'duplicate search done');
    } catch (err: unknown) {
      opts.logger?.error({ job: 'persons_dedupe', err: err instanceof Error ? err.message : String(err) }, 'duplicate search failed; retried tomorrow');
    }
    return result;
  };

  const tick = (force = false): Promise<GenerateTasksResult | null> => {
    if (stopped) return Promise.resolve(null);
    // One run at a time: a check that comes while a run is going waits for that run.
    running ??= runIfDue(force)
      .catch((err: unknown) => {
        opts.logger?.error({ job: 'generate_tasks', err: err instanceof Error ? err.message : String(err) }, 'daily job failed; retried at the next check');
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  void tick(true);
  const timer = setInterval(() => void tick(), opts.checkEveryMs ?? 5 * 60_000);
  timer.unref();

  return {
    tick: () => tick(),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
