// The case list is ordered by referral date and reference within the actor's scope; these
// indexes let a coordinator's region and a first responder's organisation read one page without
// sorting every case in scope (bench/load at 100,000 cases).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_region_list_idx on cases (region, referred_on desc, ref desc)`.execute(db);
  await sql`create index cases_referring_org_list_idx on cases (referring_org_id, referred_on desc, ref desc)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
