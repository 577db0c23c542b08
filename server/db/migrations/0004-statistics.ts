// Statistics (issue 4): the age group an imported case record states, the age rule of
// domain/age.ts as SQL functions (so tables are computed in the database), imported external
// series with their versions, and indexes for the annual tables.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // An imported record may state the age group without a birth year (the source knew the
    // person was a child but recorded no date). Kept on the case, not the person: an age group
    // is true only at a date, and a case still pending assessment has no assessment row.
    sql`alter table cases add column reported_age_group text check (reported_age_group in ('adult', 'child', 'unknown'))`,

    // Completed years from one date to another, birthday-style (29 February reached on 1 March).
    sql`create function lots_completed_years(from_d date, to_d date) returns integer
      language sql immutable parallel safe as $$
        select (date_part('year', to_d) - date_part('year', from_d))::integer
          - case when date_part('month', to_d) * 100 + date_part('day', to_d)
                    < date_part('month', from_d) * 100 + date_part('day', from_d) then 1 else 0 end
      $$`,
    // domain/age.ts ageAt(): birth date, else birth year as 1 July, else the estimate advanced
    // by the years since it was made, else null; evidence giving a negative age is skipped.
    sql`create function lots_age_at(birth_date date, birth_year integer, estimated_age integer, estimated_age_on date, on_d date) returns integer
      language sql immutable parallel safe as $$
        select case
          when birth_date is not null and birth_date <= on_d then lots_completed_years(birth_date, on_d)
          when birth_year between 1 and 9999 and make_date(birth_year, 7, 1) <= on_d then lots_completed_years(make_date(birth_year, 7, 1), on_d)
          when estimated_age >= 0 and estimated_age_on is null then estimated_age
          when estimated_age >= 0 and estimated_age + lots_completed_years(estimated_age_on, on_d) >= 0
            then estimated_age + lots_completed_years(estimated_age_on, on_d)
        end
      $$`,

    // External series (Brå, the Prosecution Authority, the Migration Agency, municipal surveys):
    // every import of a series is a new version; the current one is shown.
    sql`create table statistical_series (
      id uuid primary key default gen_random_uuid(),
      series text not null,
      version integer not null,
      current boolean not null default true,
      sources text[] not null default '{}',
      row_count integer not null,
      file_sha256 text not null,
      imported_by uuid references users(id),
      imported_by_name text not null,
      imported_at timestamptz not null default now(),
      unique (series, version)
    )`,
    sql`create unique index statistical_series_current_key on statistical_series (series) where current`,
    sql`create table statistical_series_values (
      series_id uuid not null references statistical_series(id),
      measure text not null,
      breakdown text not null,
      year integer not null,
      value numeric not null,
      unit text not null,
      source text not null,
      note text not null default '',
      primary key (series_id, measure, breakdown, year)
    )`,

    // The identified-persons counts are kept computed (statistics_counts) and recomputed when the
    // data under them change. Every statement that writes assessments, cases or persons leaves a
    // row in statistics_changes (a plain insert: writers never wait for each other); a refresh
    // deletes the rows its snapshot sees and recomputes, so a change committed later is still
    // there for the next read to notice.
    sql`create table statistics_changes (id bigserial primary key, at timestamptz not null default now())`,
    sql`create table statistics_counts (
      y integer not null,
      region text not null,
      dim text not null,
      code text not null,
      n integer not null,
      primary key (y, region, dim, code)
    )`,
    sql`create function lots_statistics_changed() returns trigger language plpgsql as $$
      begin
        insert into statistics_changes default values;
        return null;
      end
    $$`,
    sql`create trigger assessments_statistics after insert or update or delete or truncate on assessments for each statement execute function lots_statistics_changed()`,
    sql`create trigger cases_statistics after insert or update or delete or truncate on cases for each statement execute function lots_statistics_changed()`,
    sql`create trigger persons_statistics after insert or update or delete or truncate on persons for each statement execute function lots_statistics_changed()`,
    sql`insert into statistics_changes default values`,

    // The programme tables read their records by decision date.
    sql`create index nsp_enrolments_on_idx on nsp_enrolments (enrolled_on)`,
    sql`create index amp_returns_decided_idx on amp_returns (decided_on) where decision = 'approved'`,
    sql`create index permit_applications_decided_idx on permit_applications (decided_on) where decision = 'granted'`,
    sql`create index permit_extensions_decided_idx on permit_extensions (decided_on)`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
