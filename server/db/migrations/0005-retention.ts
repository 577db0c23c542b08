// Retention and erasure (gallring, issue 6): when a case's personal data and free texts were
// erased under a retention rule, and when the person's identity was. The anonymous statistical
// facts stay; these columns say the rest is gone on purpose.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`alter table cases add column erased_at timestamptz`,
    sql`alter table cases add column erasure_rule text`,
    sql`alter table persons add column erased_at timestamptz`,
    sql`create index cases_retention_idx on cases (status, closed_on) where erased_at is null`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
