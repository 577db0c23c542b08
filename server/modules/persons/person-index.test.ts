// The match index builds without holding the event loop: the model is fitted in a worker thread
// (the same model, and so the same answers, as a fit on the main thread), the rest runs in
// slices with the same preparation as the engine's prepareAll, and a background refit keeps
// the current index answering and swaps in an index that includes persons written meanwhile.
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Today } from '../../../domain/matching/birth-date.js';
import { MatchIndex } from '../../../domain/matching/match-index.js';
import { prepareAll } from '../../../domain/matching/prepare.js';
import { TokenTable } from '../../../domain/matching/token-table.js';
import type { MatchRecord } from '../../../domain/matching/types.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { fetchMatchRows, indexState, loadMatchRows } from './person-index.repository.js';
import { Slicer } from './person-index.slices.js';
import { personIndexFor, personIndexRefit, prepareInSlices, type PersonIndex } from './person-index.js';
import { FIT_MIN_RECORDS, modelForRecords } from './person-model.js';
import { sealNames } from './person-names.js';
import { matchRecordOf, matchRecordOfRow, PERSON_MATCH_COLUMNS, type PersonFacts } from './person-record.js';
import { personColumns, syntheticPersons } from './synthetic-persons.test-helpers.js';

const PERSONS = FIT_MIN_RECORDS + 1_000;

async function insertPersons(db: TestDatabase['db'], persons: readonly PersonFacts[]): Promise<void> {
  for (let i = 0; i < persons.length; i += 500) {
    await db
      .insertInto('persons')
      .values(
        persons.slice(i, i + 500).map((p) => {
          const columns = personColumns(p);
          return { ...columns, ...sealNames({ given_names: columns.given_names, family_names: columns.family_names, aliases: columns.aliases }), created_by_org: null };
        }),
      )
      .execute();
  }
}

const answers = (index: { lookup: PersonIndex['lookup'] }, records: readonly MatchRecord[]) =>
  records.map((r) => index.lookup(r, { limit: 20 }).map((h) => [h.personId, h.score.probability, h.score.band]));

let database: TestDatabase;
const stored = syntheticPersons(PERSONS, 3);
/** Queries: stored persons, some with a dropped letter or another birth day, and strangers. */
const queries: MatchRecord[] = [
  ...stored.filter((_, i) => i % 15 === 0).map((p, i) => {
    if (i % 3 === 1) return matchRecordOf(`q${i}`, { ...p, familyNames: p.familyNames.slice(0, 2) + p.familyNames.slice(3) });
    if (i % 3 === 2 && p.birthDate) return matchRecordOf(`q${i}`, { ...p, birthDate: `${p.birthDate.slice(0, 8)}0${1 + (i % 9)}` });
    return matchRecordOf(`q${i}`, p);
  }),
  ...syntheticPersons(100, 99).map((p, i) => matchRecordOf(`s${i}`, p)),
];

beforeAll(async () => {
  database = await createTestDatabase();
  await insertPersons(database.db, stored);
});
afterAll(() => database.drop());

describe('fetchMatchRows', () => {
  it('reads through its cursor, in pages, exactly the rows of a plain query', async () => {
    const plain = await database.db.selectFrom('persons').select(PERSON_MATCH_COLUMNS).where('persons.erased_at', 'is', null).orderBy('persons.id').execute();
    expect(plain).toHaveLength(PERSONS);
    expect(await fetchMatchRows(database.db)).toEqual(plain);
    const inTransaction = await database.db.transaction().execute((trx) => fetchMatchRows(trx));
    expect(inTransaction).toEqual(plain);
  });
});

describe('prepareInSlices', () => {
  it('prepares exactly as prepareAll: the same token table order and the same records', async () => {
    const records = stored.slice(0, 1_500).map((p, i) => matchRecordOf(`p${i}`, p));
    const today: Today = { year: 2026, month: 4, day: 1 };
    const expectedTable = new TokenTable();
    const expected = prepareAll(records, expectedTable, { today });
    const table = new TokenTable();
    let pauses = 0;
    const slicer = new Slicer(0);
    const pause = slicer.pause.bind(slicer);
    slicer.pause = () => {
      pauses++;
      return pause();
    };
    const prepared = await prepareInSlices(records, table, today, slicer);
    expect(pauses).toBeGreaterThan(records.length);
    expect(table.tokens).toEqual(expectedTable.tokens);
    expect(prepared).toEqual(expected);
  });
});

describe('personIndexFor at more than FIT_MIN_RECORDS persons', () => {
  let first: PersonIndex;

  it('fits the model in a worker thread while the event loop keeps ticking, and answers as a main-thread build', async () => {
    // A 5 ms timer measures the longest gap between its ticks. Fitted on the main thread, the
    // whole fit would be one gap; the bound is deliberately lax (half the worker's fitting time).
    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    try {
      first = await personIndexFor(database.db);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      clearInterval(timer);
    }
    expect(first.fitted).toBe(true);
    expect(first.size).toBe(PERSONS);
    expect(first.fit?.threadId).toBeGreaterThan(0);
    expect(first.fit?.threadId).not.toBe(mainThreadId);
    expect(first.fit!.computeMs).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(first.fit!.computeMs / 2);

    // The build as it was, all on the main thread: fit, prepare, file.
    const rows = await loadMatchRows(database.db);
    const { model, table, prepared, today, fitted } = modelForRecords(rows.map(matchRecordOfRow));
    expect(fitted).toBe(true);
    expect(first.model).toStrictEqual(model);
    const reference = new MatchIndex(model, table, { today });
    for (const p of prepared) reference.addPrepared(p);
    const here = { lookup: (r: MatchRecord, o: { limit?: number }) => reference.lookup(r, o).map((h) => ({ personId: h.record.id, protectedIdentity: false, score: h.score })) };
    const expected = answers(here, queries);
    expect(expected.filter((hits) => hits.length > 0).length).toBeGreaterThan(100);
    expect(answers(first, queries)).toEqual(expected);
  });

  it('keeps answering during a refit and swaps in an index that includes a person registered meanwhile', async () => {
    const known = queries.find((q) => first.lookup(q, { limit: 1 }).length > 0)!;
    const knownId = first.lookup(known, { limit: 1 })[0]!.personId;
    const newcomer: PersonFacts = { givenNames: 'Quetzalina', familyNames: 'Zyxwabothrum', birthDate: '1999-03-07', sex: 'female', citizenships: ['ES'] };
    expect(first.lookup(matchRecordOf('q', newcomer))).toEqual([]);

    // A day later the index is due for a refit.
    const realNow = Date.now.bind(Date);
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 25 * 60 * 60 * 1000);
    try {
      expect(first.needsRefit).toBe(true);
      expect(await personIndexFor(database.db)).toBe(first);
      expect(personIndexRefit(database.db)).not.toBeNull();
      // Once the refit has read the persons, a new one is registered.
      while (personIndexRefit(database.db)?.snapshotGeneration === null) await new Promise((resolve) => setTimeout(resolve, 2));
      const snapshot = personIndexRefit(database.db)!.snapshotGeneration!;
      await insertPersons(database.db, [newcomer]);
      const written = (await indexState(database.db)).generation;
      expect(written).toBeGreaterThan(snapshot);

      let answeredDuringRefit = 0;
      let current = first;
      while (current === first) {
        current = await personIndexFor(database.db);
        if (current === first) {
          expect(current.lookup(known, { limit: 1 })[0]?.personId).toBe(knownId);
          answeredDuringRefit++;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(answeredDuringRefit).toBeGreaterThan(0);
      expect(personIndexRefit(database.db)).toBeNull();
      expect(current.fitted).toBe(true);
      expect(current.needsRefit).toBe(false);
      expect(current.fit?.threadId).not.toBe(mainThreadId);
      expect(current.size).toBe(PERSONS + 1);
      expect(current.generation).toBeGreaterThanOrEqual(written);
      const found = current.lookup(matchRecordOf('q', newcomer));
      expect(found).toHaveLength(1);
      expect(found[0]!.score.band).toBe('auto_flag');
      expect(current.lookup(known, { limit: 1 })[0]?.personId).toBe(knownId);
    } finally {
      clock.mockRestore();
    }
  });
});
