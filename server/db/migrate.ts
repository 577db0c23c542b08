// Runs the migrations (the same on PGlite and PostgreSQL) and keeps reference data in step.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-referral-mechanism.js';
import * as m0004 from './migrations/0004-statistics.js';
import * as m0003 from './migrations/0003-referral-withdraw-reason.js';
import * as m0005retention from './migrations/0005-retention.js';
import * as m0006persons from './migrations/0006-persons.js';
import * as m0007signIn from './migrations/0007-sign-in.js';
import * as m0008encryption from './migrations/0008-encryption.js';
import * as m0009protected from './migrations/0009-protected-identity-akc.js';
import * as m0010statistics from './migrations/0010-statistics-incremental.js';
import * as m0011support from './migrations/0011-support-versions.js';
import * as m0012caseList from './migrations/0012-case-list-indexes.js';
import * as m0013auditChain from './migrations/0013-audit-chain-sequencer.js';
import { MUNICIPALITIES } from '../../domain/reference/municipalities.js';
import type { DB } from './schema.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-referral-mechanism': m0002,
  '0004-statistics': m0004,
  '0003-referral-withdraw-reason': m0003,
  '0005-retention': m0005retention,
  '0006-persons': m0006persons,
  '0007-sign-in': m0007signIn,
  '0008-encryption': m0008encryption,
  '0009-protected-identity-akc': m0009protected,
  '0010-statistics-incremental': m0010statistics,
  '0011-support-versions': m0011support,
  '0012-case-list-indexes': m0012caseList,
  '0013-audit-chain-sequencer': m0013auditChain,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await syncReferenceData(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied. */
export async function isMigrated(db: Kysely<DB>): Promise<boolean> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

async function syncReferenceData(db: Kysely<DB>): Promise<void> {
  const rows = MUNICIPALITIES.map((m) => ({
    code: m.code,
    name: m.name,
    county_code: m.countyCode,
    county_name: m.countyName,
    region: m.region,
  }));
  await db
    .insertInto('municipalities')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        county_code: eb.ref('excluded.county_code'),
        county_name: eb.ref('excluded.county_name'),
        region: eb.ref('excluded.region'),
      })),
    )
    .execute();
}
