// Protected identity and the AKC information rule (issue 6, parts 3 and 4).
//
// person_identity_grants: the named users who may see the real identity of a person flagged
// `protected_identity` (skyddade personuppgifter). A grant is never deleted: revoking sets
// revoked_at/revoked_by, so the list keeps its history beside the audit trail. No foreign key to
// persons, as for match candidates: a merge deletes the merged-away person and an unmerge must
// find its grants again.
//
// case_notes: free-text information added to a case by anyone who may read it, tagged at entry
// with the legal basis it was received under. `akc_2024_307` marks information shared between the
// agencies of the regional centres against work-related crime (AKC) under Act 2024:307, which
// does not cover regional coordinators. The tag (and the author, case and time) can never change:
// a trigger refuses it, and the only change allowed to the text is its erasure to ''.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`create table person_identity_grants (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null,
      user_id uuid not null references users(id),
      kind text not null check (kind in ('registrant', 'named')),
      granted_by uuid not null references users(id),
      granted_at timestamptz not null default now(),
      reason text not null default '',
      revoked_at timestamptz,
      revoked_by uuid references users(id),
      revoke_reason text,
      check ((revoked_at is null) = (revoked_by is null))
    )`,
    sql`create unique index person_identity_grants_active_idx on person_identity_grants (person_id, user_id) where revoked_at is null`,
    sql`create index person_identity_grants_user_idx on person_identity_grants (user_id, person_id) where revoked_at is null`,
    sql`create table case_notes (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      author_user_id uuid references users(id),
      author_org_id uuid references organisations(id),
      legal_basis text not null default 'ordinary' check (legal_basis in ('ordinary', 'akc_2024_307')),
      text text not null,
      created_at timestamptz not null default now(),
      erased_at timestamptz
    )`,
    sql`create index case_notes_case_idx on case_notes (case_id, created_at)`,
    sql`create function case_notes_fixed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'case_notes are kept: DELETE refused' using errcode = 'insufficient_privilege';
        end if;
        if new.legal_basis is distinct from old.legal_basis or new.case_id is distinct from old.case_id
          or new.author_user_id is distinct from old.author_user_id or new.author_org_id is distinct from old.author_org_id
          or new.created_at is distinct from old.created_at or (new.text is distinct from old.text and new.text <> '') then
          raise exception 'a case note cannot be changed, only erased' using errcode = 'insufficient_privilege';
        end if;
        return new;
      end
    $$`,
    sql`create trigger case_notes_fixed before update or delete on case_notes for each row execute function case_notes_fixed()`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
