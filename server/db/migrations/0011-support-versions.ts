// Optimistic locking on NSP enrolments and compensation claims, as on every other record that two
// people can edit at once: a version per row, checked and incremented by every update.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table nsp_enrolments add column version integer not null default 1`.execute(db);
  await sql`alter table compensation_claims add column version integer not null default 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
