// Finding the same person across agencies (issue 5): the review queue of likely duplicate
// person records, the merges (with everything needed to undo them), and a change log of the
// persons table that keeps each process's in-memory match index in step with every writer
// (referrals, case edits, imports, retention) without any of them knowing about it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // A pair is stored once, lower id first. No foreign keys to persons: a merge deletes the
    // merged-away person, and its other open pairs must survive for an unmerge to restore.
    sql`create table person_match_candidates (
      id uuid primary key default gen_random_uuid(),
      person_a uuid not null,
      person_b uuid not null,
      probability double precision not null,
      band text not null check (band in ('auto_flag', 'review')),
      explanation jsonb not null default '{}',
      status text not null default 'open' check (status in ('open', 'merged', 'not_same')),
      regions_a text[] not null default '{}',
      regions_b text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      decided_by uuid references users(id),
      decided_at timestamptz,
      merge_id uuid,
      version integer not null default 1,
      check (person_a < person_b),
      unique (person_a, person_b)
    )`,
    sql`create index person_match_candidates_open_idx on person_match_candidates (status, probability desc)`,
    sql`create index person_match_candidates_b_idx on person_match_candidates (person_b)`,

    sql`create table person_merges (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid references person_match_candidates(id),
      kept_person_id uuid not null references persons(id),
      removed_person_id uuid not null,
      removed_person jsonb not null,
      kept_before jsonb not null,
      kept_after jsonb not null,
      moved_case_ids uuid[] not null default '{}',
      moved_assessment_ids uuid[] not null default '{}',
      moved_permit_ids uuid[] not null default '{}',
      fields jsonb not null,
      merged_by uuid references users(id),
      merged_at timestamptz not null default now(),
      unmerged_by uuid references users(id),
      unmerged_at timestamptz
    )`,
    sql`create index person_merges_kept_idx on person_merges (kept_person_id)`,
    sql`create index person_merges_removed_idx on person_merges (removed_person_id)`,

    // One row: the generation of the persons table. Every statement that writes persons bumps
    // it in the writer's own transaction (the row lock orders the bumps in commit order) and
    // logs the ids it touched under the new number, so a reader that has applied generation g
    // only has to read the log above g. Statement-level triggers with transition tables: a bulk
    // import bumps once per statement, not once per row.
    sql`create table person_index_state (
      id integer primary key check (id = 1),
      generation bigint not null default 0,
      pruned_through bigint not null default 0
    )`,
    sql`insert into person_index_state (id) values (1)`,
    sql`create table person_index_changes (
      generation bigint not null,
      person_id uuid not null,
      changed_at timestamptz not null default now(),
      primary key (generation, person_id)
    )`,
    sql`create function lots_persons_changed() returns trigger language plpgsql as $$
      declare
        g bigint;
      begin
        if not exists (select 1 from changed_rows) then return null; end if;
        update person_index_state set generation = generation + 1 where id = 1 returning generation into g;
        insert into person_index_changes (generation, person_id) select distinct g, id from changed_rows;
        return null;
      end
    $$`,
    sql`create trigger persons_index_inserted after insert on persons
      referencing new table as changed_rows for each statement execute function lots_persons_changed()`,
    sql`create trigger persons_index_updated after update on persons
      referencing new table as changed_rows for each statement execute function lots_persons_changed()`,
    sql`create trigger persons_index_deleted after delete on persons
      referencing old table as changed_rows for each statement execute function lots_persons_changed()`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
