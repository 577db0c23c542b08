// Sign-in as agencies expect (issue 6): TOTP second factor for local accounts, links between
// users and their identity at an OIDC provider, the short-lived state of an OIDC sign-in in
// progress, and sessions that wait for the second factor.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // Read and written only through server/auth/totp.repository.ts (to be encrypted at rest).
    sql`alter table users add column totp_secret text`,
    // Null while an enrolment awaits its first code; set when the user confirmed one.
    sql`alter table users add column totp_enrolled_at timestamptz`,
    // The last accepted 30-second step: a code of that step or an earlier one is refused (replay).
    sql`alter table users add column totp_last_step bigint`,
    sql`create table user_identities (
      issuer text not null,
      subject text not null,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_login_at timestamptz,
      primary key (issuer, subject)
    )`,
    sql`create unique index user_identities_user_issuer_key on user_identities (user_id, issuer)`,
    // Keyed by the SHA-256 of a random handle held in an httpOnly cookie; used once, 10 minutes.
    sql`create table oidc_login_states (
      id text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    // 'verify': password accepted, the TOTP code is awaited; 'enrol': a second factor must be set up.
    sql`alter table sessions add column mfa_pending text check (mfa_pending in ('verify', 'enrol'))`,
    sql`alter table sessions add column auth_method text not null default 'password' check (auth_method in ('password', 'oidc'))`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
