// The daily job runner: runs at start-up, then once per Swedish calendar day, never twice at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';
import { startDailyJobs } from './daily-jobs.js';
import { swedishToday } from './clock.js';
import { sealNames } from '../modules/persons/person-names.js';

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

  it('runs the duplicate search and fills the review queue', async () => {
    const now = new Date();
    const person = (given: string) => ({
      ...sealNames({ given_names: given, family_names: 'Kovalenko', aliases: [] }),
      sex: 'female',
      birth_date: '1985-02-11',
      birth_year: null,
      estimated_age: null,
      estimated_age_on: null,
      citizenships: ['UA'],
      protected_identity: false,
      created_by_org: null,
      created_at: now,
      updated_at: now,
    });
    const [a, b] = await database.db.insertInto('persons').values([person('Olena'), person('Olena')]).returning('id').execute();
    const infos: string[] = [];
    const errors: string[] = [];
    const logger = { info: (_o: object, msg: string) => void infos.push(msg), error: (_o: object, msg: string) => void errors.push(msg) };
    const jobs = startDailyJobs(database.db, { now: () => new Date('2026-04-13T10:00:00Z'), logger });
    await jobs.stop();
    expect(errors).toEqual([]);
    expect(infos).toEqual(['daily tasks generated', 'duplicate search done']);
    const pairs = await database.db.selectFrom('person_match_candidates').select(['person_a', 'person_b', 'status']).execute();
    expect(pairs).toEqual([{ person_a: [a!.id, b!.id].sort()[0], person_b: [a!.id, b!.id].sort()[1], status: 'open' }]);
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
