// Encryption of identities at rest (issue 6): names, aliases and free texts are sealed by the
// application (server/crypto/) before they reach the database. SQL cannot encrypt (it has no
// key), so this migration only makes room: aliases become one encrypted text (a sealed JSON
// list), persons get a blind index of their name tokens for exact search, and two bookkeeping
// tables record which data keys the values are under and whether rows written before this
// migration still wait to be encrypted (done at the next start with the keys, or by
// `lots keys rotate`).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`alter table persons alter column aliases drop default`,
    sql`alter table persons alter column aliases type text
      using (case when cardinality(aliases) = 0 then '' else array_to_json(aliases)::text end)`,
    sql`alter table persons alter column aliases set default ''`,
    sql`alter table persons add column name_index text[] not null default '{}'`,
    sql`create index persons_name_index_idx on persons using gin (name_index)`,
    // Every data key that has sealed values here, with a fingerprint that tells a wrong key
    // under a known id. A process whose keyring lacks one of them refuses to start.
    sql`create table data_keys (
      kid text primary key,
      check_value text not null,
      added_at timestamptz not null default now()
    )`,
    sql`create table data_encryption_state (
      id integer primary key check (id = 1),
      plaintext_pending boolean not null
    )`,
    sql`insert into data_encryption_state (id, plaintext_pending)
      select 1, exists (select 1 from persons) or exists (select 1 from cases) or exists (select 1 from case_groups)
        or exists (select 1 from users where totp_secret is not null)`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
