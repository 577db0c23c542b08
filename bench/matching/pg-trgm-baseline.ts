// The pg_trgm baseline for the evaluation kit: what a team would build with PostgreSQL alone.
// Records are loaded into a table (a temporary PostgreSQL database when an admin URL is given,
// else embedded PGlite with its pg_trgm contrib), full names are self-joined with the trigram
// `%` operator above a floor (GIN index), and each candidate pair is scored by
// similarity(full_name_a, full_name_b). No birth date, no transliteration: names only, as the
// baseline is meant to be. `pgTrgmMethod()` is a PairScoringMethod for evaluate.ts's
// evaluateMethod; `thresholdSweep()` gives precision, recall and F1 at each threshold from the
// same pairs, so the kit can print the baseline's best operating point in the same run.
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { MatchRecord } from '../../domain/matching/types';
import { countTruePairs } from './evaluate';
import type { Metrics, PairScoringMethod, ScoredPair } from './evaluate';
import type { LabelledRecord } from './generate';
import { createScratchDatabase } from '../../server/db/scratch-database.js';

export const DEFAULT_FLOOR = 0.5;
/** 0.50, 0.55, … 0.95: thresholds below the floor would only repeat the floor's figures. */
export const DEFAULT_SWEEP = Array.from({ length: 10 }, (_, i) => Number((0.5 + 0.05 * i).toFixed(2)));

export interface PgTrgmOptions {
  /**
   * A PostgreSQL admin URL (e.g. postgres://postgres@127.0.0.1:5432/postgres): a temporary
   * database is created, used and dropped. Absent: embedded PGlite.
   */
  adminUrl?: string;
  /**
   * The similarity floor of the candidate join (pg_trgm.similarity_threshold); default 0.5. At
   * 0.3 recall reaches 95 % but a 25,000-record run returns 650,000 pairs and takes about a minute
   * on PostgreSQL; the best F1 on the synthetic data lies near 0.65 either way.
   */
  floor?: number;
  /** Thresholds the method reports at, on the similarity scale; default review 0.6, auto-flag 0.8. */
  bands?: { review: number; autoFlag: number };
}

export interface PgTrgmRun {
  backend: 'postgres' | 'pglite';
  pairs: ScoredPair[];
  loadSeconds: number;
  querySeconds: number;
}

interface Sql {
  exec(text: string): Promise<void>;
  query<R>(text: string, params: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

async function openPglite(): Promise<Sql> {
  const db = await PGlite.create({ extensions: { pg_trgm } });
  return {
    exec: async (text) => void (await db.exec(text)),
    query: async <R>(text: string, params: unknown[]) => (await db.query<R>(text, params)).rows,
    close: () => db.close(),
  };
}

async function openPostgres(adminUrl: string): Promise<Sql> {
  const scratch = await createScratchDatabase(adminUrl, 'lots_trgm');
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  return {
    exec: async (text) => void (await client.query(text)),
    query: async <R>(text: string, params: unknown[]) => (await client.query(text, params)).rows as R[],
    close: async () => {
      await client.end();
      await scratch.drop();
    },
  };
}

const fullName = (r: MatchRecord) => `${r.givenNames ?? ''} ${r.familyNames ?? ''}`.replace(/\s+/g, ' ').trim();

/** Every pair of records whose full names are at least `floor` similar, with the similarity. */
export async function pgTrgmScores(records: readonly MatchRecord[], options: PgTrgmOptions = {}): Promise<PgTrgmRun> {
  const floor = options.floor ?? DEFAULT_FLOOR;
  if (!(floor > 0 && floor <= 1)) throw new RangeError('floor must be in (0, 1]');
  const db = options.adminUrl ? await openPostgres(options.adminUrl) : await openPglite();
  try {
    let start = performance.now();
    await db.exec('create extension if not exists pg_trgm');
    await db.exec('create table recs (id text primary key, full_name text not null)');
    for (let i = 0; i < records.length; i += 5_000) {
      const chunk = records.slice(i, i + 5_000);
      await db.query('insert into recs select * from unnest($1::text[], $2::text[])', [chunk.map((r) => r.id), chunk.map(fullName)]);
    }
    await db.exec('create index recs_trgm on recs using gin (full_name gin_trgm_ops)');
    await db.exec('analyze recs');
    const loadSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    await db.exec(`set pg_trgm.similarity_threshold = ${floor}`);
    const rows = await db.query<{ id_a: string; id_b: string; score: number }>(
      `select a.id as id_a, b.id as id_b, similarity(a.full_name, b.full_name)::float8 as score
         from recs a join recs b on a.full_name % b.full_name and a.id < b.id`,
      [],
    );
    const querySeconds = (performance.now() - start) / 1000;
    const pairs = rows.map((r) => ({ idA: r.id_a, idB: r.id_b, score: Number(r.score) }));
    return { backend: options.adminUrl ? 'postgres' : 'pglite', pairs, loadSeconds, querySeconds };
  } finally {
    await db.close();
  }
}

/** The baseline as one more method for evaluateMethod(). */
export function pgTrgmMethod(options: PgTrgmOptions = {}): PairScoringMethod {
  return {
    name: `pg_trgm similarity (${options.adminUrl ? 'PostgreSQL' : 'PGlite'}, floor ${options.floor ?? DEFAULT_FLOOR})`,
    bands: options.bands ?? { review: 0.6, autoFlag: 0.8 },
    async scorePairs(records) {
      return (await pgTrgmScores(records, options)).pairs;
    },
  };
}

/** Precision, recall and F1 of `pairs` at each threshold (pairs not returned count as misses). */
export function thresholdSweep(data: readonly LabelledRecord[], pairs: readonly ScoredPair[], thresholds: readonly number[] = DEFAULT_SWEEP): Metrics[] {
  const entity = new Map(data.map((l) => [l.record.id, l.entity]));
  const truePairs = countTruePairs(data);
  const seen = new Set<string>();
  const scored: { score: number; match: boolean }[] = [];
  for (const p of pairs) {
    const key = p.idA < p.idB ? `${p.idA}\u0000${p.idB}` : `${p.idB}\u0000${p.idA}`;
    if (seen.has(key)) continue;
    seen.add(key);
    scored.push({ score: p.score, match: entity.get(p.idA) === entity.get(p.idB) });
  }
  return thresholds.map((threshold) => {
    let tp = 0;
    let fp = 0;
    for (const s of scored) {
      if (s.score < threshold) continue;
      if (s.match) tp++;
      else fp++;
    }
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = truePairs === 0 ? 1 : tp / truePairs;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label: `similarity ≥ ${threshold}`, threshold, truePositives: tp, falsePositives: fp, precision, recall, f1 };
  });
}

/** Load, score and sweep in one call: the pairs (for evaluatePairs/calibration) and the sweep. */
export async function runPgTrgmBaseline(data: readonly LabelledRecord[], options: PgTrgmOptions & { thresholds?: readonly number[] } = {}) {
  const run = await pgTrgmScores(
    data.map((l) => l.record),
    options,
  );
  const sweep = thresholdSweep(data, run.pairs, options.thresholds);
  const best = sweep.reduce((x, y) => (y.f1 > x.f1 ? y : x));
  return { ...run, sweep, best };
}
