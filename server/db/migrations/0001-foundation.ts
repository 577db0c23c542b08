// Foundation schema: organisations, users, sessions, tokens, reference data, persons,
// cases, the case timeline, case shares (who outside the region may see a case) and the
// append-only, hash-chained audit trail. Fixed in time: never edit, add a new migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kind text not null,
      region text,
      municipality_code text,
      active boolean not null default true,
      created_at timestamptz not null default now()
    )`,
    sql`create unique index organisations_name_key on organisations (lower(name))`,
    sql`create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null,
      display_name text not null,
      email text,
      organisation_id uuid not null references organisations(id),
      password_hash text,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      last_login_at timestamptz
    )`,
    sql`create unique index users_username_key on users (lower(username))`,
    sql`create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null,
      primary key (user_id, role)
    )`,
    sql`create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
    sql`create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    sql`create index sessions_user_idx on sessions (user_id)`,
    sql`create table municipalities (
      code text primary key,
      name text not null,
      county_code text not null,
      county_name text not null,
      region text not null
    )`,
    sql`create table persons (
      id uuid primary key default gen_random_uuid(),
      given_names text not null default '',
      family_names text not null default '',
      aliases text[] not null default '{}',
      sex text not null default 'unknown',
      birth_date date,
      birth_year integer,
      estimated_age integer,
      estimated_age_on date,
      citizenships text[] not null default '{}',
      protected_identity boolean not null default false,
      created_by_org uuid references organisations(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create sequence case_ref_seq`,
    sql`create table cases (
      id uuid primary key default gen_random_uuid(),
      ref text not null unique,
      person_id uuid not null references persons(id),
      region text not null,
      municipality_code text references municipalities(code),
      responsible_org_id uuid references organisations(id),
      referring_org_id uuid references organisations(id),
      referring_user_id uuid references users(id),
      status text not null default 'received',
      referral_source text not null,
      referred_on date not null,
      assessed_on date,
      exploitation_forms text[] not null default '{}',
      summary text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create index cases_region_idx on cases (region, status)`,
    sql`create index cases_referring_org_idx on cases (referring_org_id)`,
    sql`create index cases_person_idx on cases (person_id)`,
    sql`create table case_events (
      id bigserial primary key,
      case_id uuid not null references cases(id),
      at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      actor_org_id uuid references organisations(id),
      kind text not null,
      data jsonb not null default '{}'
    )`,
    sql`create index case_events_case_idx on case_events (case_id, id)`,
    sql`create table case_shares (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      organisation_id uuid not null references organisations(id),
      purpose text not null,
      fields text[] not null default '{}',
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`,
    sql`create index case_shares_org_idx on case_shares (organisation_id, case_id) where revoked_at is null`,
    sql`create table audit_events (
      seq bigserial primary key,
      id uuid not null unique,
      at timestamptz not null,
      actor_user_id uuid,
      actor_username text,
      actor_org_id uuid,
      action text not null,
      outcome text not null,
      resource_type text not null,
      resource_id text,
      person_id uuid,
      case_id uuid,
      request_id text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    )`,
    sql`create index audit_events_person_idx on audit_events (person_id, at)`,
    sql`create index audit_events_actor_idx on audit_events (actor_user_id, at)`,
    sql`create index audit_events_at_idx on audit_events (at)`,
    sql`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_events is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end
    $$`,
    sql`create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only()`,
    sql`create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted');
}
