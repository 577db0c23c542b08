// Opens the database: embedded PGlite by default, PostgreSQL when a URL is given.
// Both return the same value types: dates as 'YYYY-MM-DD' strings, bigint counts as numbers.
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

const identity = (v: string) => v;
const toNumber = (v: string) => Number(v);

export interface OpenOptions {
  /** postgres://… URL; when absent PGlite is used. */
  url?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** Kysely's query log (the load benchmark uses it to list the statements a request issues). */
  log?: LogConfig;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10, opts.log);
  return openPGlite(opts.dataDir ?? 'memory://', opts.log);
}

function openPostgres(url: string, max: number, log?: LogConfig): Database {
  const typeParsers = new Map<number, (v: string) => unknown>([
    [DATE_OID, identity],
    [INT8_OID, toNumber],
    [NUMERIC_OID, toNumber],
  ]);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A dropped server must not crash the process: errors surface on the next query.
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        typeParsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => {
    /* idle client lost; the pool replaces it */
  });
  // A checked-out client whose server goes away between two queries (a restart, 57P01) emits
  // 'error' with no listener attached: without this one, that is an uncaught exception and the
  // process dies. The next query on it fails (→ 503) and the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPGlite(dataDir: string, log?: LogConfig): Promise<Database> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    parsers: {
      [pgliteTypes.DATE]: identity,
      [pgliteTypes.INT8]: toNumber,
      [NUMERIC_OID]: toNumber,
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(stopAfterPanic(pglite)), log });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/** The embedded database hit a PANIC and answers no more queries until Lots is restarted. */
export class DatabaseStoppedError extends Error {
  /** crash_shutdown: mapped to 503 like a lost PostgreSQL server. */
  readonly code = '57P02';
  constructor(cause: Error) {
    super(`The embedded database stopped after a fatal error (${cause.message}); restart Lots once the cause is fixed`, { cause });
  }
}

/**
 * After a PANIC (for one, the write-ahead log cannot grow on a full disk) PGlite never answers
 * another query: the next one waits for ever. Remember the PANIC and fail every later query at
 * once, so requests end with 503 and /readyz says not ready; on restart the data directory
 * recovers from its write-ahead log (docs/security.md, "Faults and load").
 */
function stopAfterPanic(pglite: PGlite): PGlite {
  let stopped: DatabaseStoppedError | null = null;
  const guard = <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (stopped) throw stopped;
      try {
        return await run(...args);
      } catch (err) {
        if ((err as { severity?: string }).severity === 'PANIC') stopped = new DatabaseStoppedError(err as Error);
        throw err;
      }
    };
  const query = guard(pglite.query.bind(pglite));
  const exec = guard(pglite.exec.bind(pglite));
  // Closing a stopped instance would wait for ever as well.
  const close = async () => (stopped ? undefined : pglite.close());
  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === 'query') return query;
      if (prop === 'exec') return exec;
      if (prop === 'close') return close;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
