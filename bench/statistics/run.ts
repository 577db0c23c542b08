// Benchmark of the annual tables: the full set of tables for ten years, computed from N synthetic
// cases, timed against a plain GROUP BY over the same rows in the same process. Prints figures;
// asserts nothing.
//
//   npm run bench:statistics                       PGlite, 100,000 cases
//   npm run bench:statistics -- --postgres         PostgreSQL (BENCH_DATABASE_URL or
//                                                  TEST_DATABASE_URL as admin URL), 1,000,000 cases
//   npm run bench:statistics -- --cases 200000     another size
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { loadSnapshot } from '../../server/modules/statistics/statistics.service.js';
import { BENCH_FROM, BENCH_TO, baselineGroupBy, baselinePerTable, generateBenchData } from './data.js';

const args = process.argv.slice(2);
const usePostgres = args.includes('--postgres');
const casesArg = args.indexOf('--cases');
const cases = casesArg >= 0 ? Number(args[casesArg + 1]) : usePostgres ? 1_000_000 : 100_000;
const runs = 5;

async function open(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!usePostgres) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `lots_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
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

const { database, drop } = await open();
try {
  const db = database.db;
  await migrateToLatest(db);
  process.stdout.write(`${database.kind}: generating ${cases.toLocaleString('en')} cases … `);
  const [gen] = await time(() => generateBenchData(db, cases));
  console.log(`${(gen / 1000).toFixed(1)} s`);

  // Warm up caches once, then time each alternately so load on the machine hits all alike.
  const touch = () => sql`insert into statistics_changes default values`.execute(db);
  await baselineGroupBy(db);
  await baselinePerTable(db);
  await loadSnapshot(db, BENCH_FROM, BENCH_TO, false);
  const series: Record<'a' | 'b' | 'cold' | 'warm' | 'published', number[]> = { a: [], b: [], cold: [], warm: [], published: [] };
  for (let i = 0; i < runs; i++) {
    const [a, n] = await time(() => baselineGroupBy(db));
    series.a.push(a);
    series.b.push((await time(() => baselinePerTable(db)))[0]);
    await touch(); // as after any write: the counts are recomputed from the rows
    series.cold.push((await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, false)))[0]);
    const [w, snap] = await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, false));
    series.warm.push(w);
    series.published.push((await time(() => loadSnapshot(db, BENCH_FROM, BENCH_TO, true)))[0]);
    if (i === 0) console.log(`rows in the baseline: ${n.toLocaleString('en')}; person-years counted: ${snap.models.reduce((s, m) => s + m.value('total@*'), 0).toLocaleString('en')}`);
  }
  const [a, b, cold, warm, pub] = [series.a, series.b, series.cold, series.warm, series.published].map(median) as [number, number, number, number, number];
  const ratios = (x: number) => `${(x / a).toFixed(2)}× A   ${(x / b).toFixed(2)}× B`;
  console.log(`baseline A: one plain GROUP BY (year × region) over the rows       ${ms(a)}`);
  console.log(`baseline B: a plain GROUP BY per breakdown, no counting rules     ${ms(b)}`);
  console.log(`all tables, 10 years, cold (after a write: recomputed from rows)  ${ms(cold)}   ${ratios(cold)}`);
  console.log(`all tables, 10 years, warm (counts kept since the last write)     ${ms(warm)}   ${ratios(warm)}`);
  console.log(`all tables, 10 years, warm and published (disclosure control)     ${ms(pub)}   ${ratios(pub)}`);
  console.log(`(median of ${runs} runs. "All tables": every identified breakdown for every region and the nation, Eurostat groupings, NSP/ÅMP/permit tables.)`);
} finally {
  await drop();
}
