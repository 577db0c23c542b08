// The daily job runner: runs at start-up, then once per Swedish calendar day, never twice at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';
import { startDailyJobs } from './daily-jobs.js';
import { swedishToday } from './clock.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const lastRun = async () => (await database.db.selectFrom('job_runs').select('last_run_on').where('job', '=', 'generate_tasks').executeTakeFirst())?.last_run_on;

describe('startDailyJobs', () => {
  it('runs at start-up and then only when the Swedish day has changed', async () => {
    let clock = new Date('2026-04-08T10:00:00Z');
    const jobs = startDailyJobs(database.db, { now: () => clock, checkEveryMs: 3_600_000 });
    // The start-up run is in progress: a tick now waits for it rather than starting another.
    expect(await jobs.tick()).toMatchObject({ today: '2026-04-08' });
    expect(await lastRun()).toBe('2026-04-08');
    expect(await jobs.tick()).toBeNull();

    // 22:30 UTC on 9 April is 00:30 on 10 April in Stockholm (summer time).
    clock = new Date('2026-04-09T22:30:00Z');
    expect(await jobs.tick()).toMatchObject({ today: '2026-04-10' });
    expect(await jobs.tick()).toBeNull();
    await jobs.stop();

    clock = new Date('2026-04-11T10:00:00Z');
    expect(await jobs.tick()).toBeNull();
    expect(await lastRun()).toBe('2026-04-10');
    const audits = await database.db.selectFrom('audit_events').select(['action', 'actor_username']).where('action', '=', 'task.generate').execute();
    expect(audits).toEqual([
      { action: 'task.generate', actor_username: 'system:tasks' },
      { action: 'task.generate', actor_username: 'system:tasks' },
    ]);
  });

  it('logs a failed run and carries on', async () => {
    const errors: string[] = [];
    const logger = { info: () => {}, error: (_o: object, msg: string) => void errors.push(msg) };
    const jobs = startDailyJobs(database.db, { now: () => new Date('2026-04-12T10:00:00Z'), logger, assessmentPendingDays: -1 });
    expect(await jobs.tick()).toBeNull();
    await jobs.stop();
    expect(errors).toHaveLength(1);
  });
});

describe('swedishToday', () => {
  it('follows Stockholm time in winter and summer', () => {
    expect(swedishToday(new Date('2026-01-15T22:59:00Z'))).toBe('2026-01-15');
    expect(swedishToday(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(swedishToday(new Date('2026-07-15T21:59:00Z'))).toBe('2026-07-15');
    expect(swedishToday(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });
});
