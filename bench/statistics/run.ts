// Benchmark of the annual tables: the full set of tables for ten years, computed from N synthetic
// cases, timed against a plain GROUP BY over the same rows in the same process. Prints figures;
// asserts nothing.
//
//   npm run bench:statistics                       PGlite, 100,000 cases
//   npm run bench:statistics -- --postgres         PostgreSQL (BENCH_DATABASE_URL or
//                                                  TEST_DATABASE_URL as admin URL), 1,000,000 cases
//   npm run bench:statistics -- --cases 200000     another size
//   npm run bench:statistics -- --postgres --keep lots_bench_1m
//                                                  keep the PostgreSQL database under that name and
//                                                  reuse it next time (no regeneration)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { loadSnapshot } from '../../server/modules/statistics/statistics.service.js';
import { invalidateIdentifiedCounts, regroupIdentifiedCounts } from '../../server/modules/statistics/statistics-cache.repository.js';
import { BENCH_FROM, BENCH_TO, baselineGroupBy, baselinePerTable, generateBenchData } from './data.js';

const args = process.argv.slice(2);
const usePostgres = args.includes('--postgres');
const casesArg = args.indexOf('--cases');
const cases = casesArg >= 0 ? Number(args[casesArg + 1]) : usePostgres ? 1_000_000 : 100_000;
const keepArg = args.indexOf('--keep');
const keep = keepArg >= 0 ? args[keepArg + 1] : undefined;
if (keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('--keep needs a database name of lower-case letters, digits and _');
const runs = 5;

async function open(): Promise<{ database: Database; drop: () => Promise<void>; reused: boolean }> {
  if (!usePostgres) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close(), reused: false };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = keep ?? `lots_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  return {
    database,
    reused: exists,
    drop: async () => {
      await database.close();
      if (keep) return;
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

const { database, drop, reused } = await open();
try {
  const db = database.db;
  await migrateToLatest(db);
  const stored = Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(db)).rows[0]?.n ?? 0);
  if (reused && stored === cases) {
    console.log(`${database.kind}: reusing ${cases.toLocaleString('en')} cases in ${keep}`);
  } else {
    if (stored > 0) throw new Error(`${keep} holds ${stored} cases, not ${cases}; drop it or pick another name`);
    process.stdout.write(`${database.kind}: generating ${cases.toLocaleString('en')} cases … `);
    const [gen] = await time(() => generateBenchData(db, cases));
    console.log(`${(gen / 1000).toFixed(1)} s`);
  }

  // Warm up caches once, then time each alternately so load on the machine hits all alike.
  const years = Array.from({ length: BENCH_TO - BENCH_FROM + 1 }, (_, i) => BENCH_FROM + i);
  await baselineGroupBy(db);
  await baselinePerTable(db);
  await loadSnapshot(db, BENCH_FROM, BENCH_TO, false);
  // A write as the service makes it: one assessment updated (its person's facts change).
  const writeOne = (i: number) => sql`update assessments set labour_sector = labour_sector where id = md5('a' || ${1 + ((i * 104729) % cases)}::int)::uuid`.execute(db);
  // A batch of writes touching 1,000 persons spread over all ten years.
  const writeThousand = (i: number) =>
    sql`update assessments set labour_sector = labour_sector
      where id in (select md5('a' || (1 + (g * 7919 + ${i * 1000}) % ${cases}::int))::uuid from generate_series(1, 1000) g)`.execute(db);
  type Key = 'a' | 'b' | 'one' | 'thousand' | 'regroup' | 'rebuild' | 'warm' | 'published';
  const series: Record<Key, number[]> = { a: [], b: [], one: [], thousand: [], regroup: [], rebuild: [], warm: [], published: [] };
  for (let i = 0; i < runs; i++) {
    process.stdout.write(`run ${i + 1} of ${runs} … `);
    const [a, n] = await time(() => baselineGroupBy(db));
    series.a.push(a);
    series.b.push((await time(() => baselinePerTable(db)))[0]);
    await writeOne(i);
    series.one.push((await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, false)))[0]);
    await writeThousand(i);
    series.thousand.push((await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, false)))[0]);
    series.regroup.push((await time(() => regroupIdentifiedCounts(db, years)))[0]);
    await invalidateIdentifiedCounts(db);
    series.rebuild.push((await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, false)))[0]);
    const [w, snap] = await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, false));
    series.warm.push(w);
    series.published.push((await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, true)))[0]);
    console.log('done');
    if (i === 0) console.log(`rows in the baseline: ${n.toLocaleString('en')}; person-years counted: ${snap.models.reduce((s, m) => s + m.value('total@*'), 0).toLocaleString('en')}`);
  }
  const m = Object.fromEntries(Object.entries(series).map(([k, v]) => [k, median(v)])) as Record<Key, number>;
  const ratios = (x: number) => `${(x / m.a).toFixed(2)}× A   ${(x / m.b).toFixed(2)}× B`;
  console.log('');
  console.log(`baseline A: one plain GROUP BY (year × region) over the case rows           ${ms(m.a)}`);
  console.log(`baseline B: a plain GROUP BY per breakdown over the case rows, no rules     ${ms(m.b)}`);
  console.log(`all tables, 10 years, read right after a write to one person                ${ms(m.one)}   ${ratios(m.one)}`);
  console.log(`all tables, 10 years, read right after writes to 1,000 persons (all years)   ${ms(m.thousand)}   ${ratios(m.thousand)}`);
  console.log(`all tables, 10 years, regrouped from the kept person-year facts               ${ms(m.regroup)}   ${ratios(m.regroup)}`);
  console.log(`all tables, 10 years, rebuilt from the case rows (after migration/restore)    ${ms(m.rebuild)}   ${ratios(m.rebuild)}`);
  console.log(`all tables, 10 years, warm (nothing changed since the last read)              ${ms(m.warm)}   ${ratios(m.warm)}`);
  console.log(`all tables, 10 years, warm and published (disclosure control)                 ${ms(m.published)}   ${ratios(m.published)}`);
  console.log(`(median of ${runs} runs. "All tables": every identified breakdown for every region and the nation, Eurostat groupings, NSP/ÅMP/permit tables.`);
  console.log(` A read after a write recomputes the changed persons' facts and regroups the years they touch; see docs/statistics.md.)`);
} finally {
  await drop();
}
