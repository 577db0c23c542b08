// Statistics kept incrementally (issue 4, speed). The counting rules' person-years are kept as
// facts (statistics_person_years: one row per person and year, every breakdown's code computed
// once), and the counts are recomputed only for the years whose facts changed. Writers record
// WHICH persons changed: statement triggers with transition tables put the person ids of the
// changed rows into statistics_changes (a null person id means "recompute everything", as after
// a truncate or this migration). See server/modules/statistics/statistics-cache.repository.ts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`drop trigger assessments_statistics on assessments`,
    sql`drop trigger cases_statistics on cases`,
    sql`drop trigger persons_statistics on persons`,
    sql`drop function lots_statistics_changed()`,
    sql`alter table statistics_changes add column person_id uuid`,

    sql`create table statistics_person_years (
      person_id uuid not null,
      y integer not null,
      region text not null,
      source text,
      form_row text not null,
      sex_age text not null,
      citizenship text not null,
      sector_row text,
      combination text,
      age_unknown text,
      primary key (person_id, y)
    )`,
    sql`create index statistics_person_years_y_idx on statistics_person_years (y)`,
    // The facts of a changed person are recomputed from their assessments.
    sql`create index assessments_person_idx on assessments (person_id)`,

    sql`create function lots_statistics_all_changed() returns trigger language plpgsql as $$
      begin
        insert into statistics_changes (person_id) values (null);
        return null;
      end
    $$`,
    // Assessments: the persons of the old and the new rows (a merge moves assessments between persons).
    sql`create function lots_statistics_assessments_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into statistics_changes (person_id) select distinct person_id from new_rows;
        elsif tg_op = 'DELETE' then
          insert into statistics_changes (person_id) select distinct person_id from old_rows;
        else
          insert into statistics_changes (person_id)
            select person_id from old_rows union select person_id from new_rows;
        end if;
        return null;
      end
    $$`,
    // Cases: only the region and the referral source are counted; other edits change nothing.
    sql`create function lots_statistics_cases_changed() returns trigger language plpgsql as $$
      begin
        insert into statistics_changes (person_id)
          select distinct a.person_id
          from new_rows n join old_rows o on o.id = n.id join assessments a on a.case_id = n.id
          where n.region is distinct from o.region or n.referral_source is distinct from o.referral_source;
        return null;
      end
    $$`,
    // Persons: sex, age evidence and citizenship are counted; names and the rest are not.
    sql`create function lots_statistics_persons_changed() returns trigger language plpgsql as $$
      begin
        insert into statistics_changes (person_id)
          select n.id from new_rows n join old_rows o on o.id = n.id
          where n.sex is distinct from o.sex or n.birth_date is distinct from o.birth_date
            or n.birth_year is distinct from o.birth_year or n.estimated_age is distinct from o.estimated_age
            or n.estimated_age_on is distinct from o.estimated_age_on or n.citizenships is distinct from o.citizenships;
        return null;
      end
    $$`,
    sql`create trigger assessments_statistics_insert after insert on assessments referencing new table as new_rows for each statement execute function lots_statistics_assessments_changed()`,
    sql`create trigger assessments_statistics_update after update on assessments referencing old table as old_rows new table as new_rows for each statement execute function lots_statistics_assessments_changed()`,
    sql`create trigger assessments_statistics_delete after delete on assessments referencing old table as old_rows for each statement execute function lots_statistics_assessments_changed()`,
    sql`create trigger cases_statistics_update after update on cases referencing old table as old_rows new table as new_rows for each statement execute function lots_statistics_cases_changed()`,
    sql`create trigger persons_statistics_update after update on persons referencing old table as old_rows new table as new_rows for each statement execute function lots_statistics_persons_changed()`,
    sql`create trigger assessments_statistics_truncate after truncate on assessments for each statement execute function lots_statistics_all_changed()`,
    sql`create trigger cases_statistics_truncate after truncate on cases for each statement execute function lots_statistics_all_changed()`,
    sql`create trigger persons_statistics_truncate after truncate on persons for each statement execute function lots_statistics_all_changed()`,
    sql`delete from statistics_counts`,
    sql`insert into statistics_changes (person_id) values (null)`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
