// Opens the database: embedded PGlite by default, PostgreSQL when a URL is given.
// Both return the same value types: dates as 'YYYY-MM-DD' strings, bigint counts as numbers.
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
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
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPGlite(opts.dataDir ?? 'memory://');
}

function openPostgres(url: string, max: number): Database {
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
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPGlite(dataDir: string): Promise<Database> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    parsers: {
      [pgliteTypes.DATE]: identity,
      [pgliteTypes.INT8]: toNumber,
      [NUMERIC_OID]: toNumber,
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
