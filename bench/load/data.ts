// Data for the load benchmark, made quickly: a few hundred referrals are registered through the
// real API first (so names and texts are sealed, timelines and audit written exactly as Lots
// writes them), then copied in SQL with generate_series up to the number of cases asked for.
// Copies keep every column of their template (sealed values included: a sealed value is bound
// to its column and key, not to its row) except the keys, the case reference and the referral
// date, spread over five years. Four in five copies get a current assessment so the statistics
// have something to count. Every person is invented.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';
import { sealNames } from '../../server/modules/persons/person-names.js';

/** A deterministic version-4-shaped uuid from a key (the API checks the version and variant). */
const uuidOf = (prefix: string, i: string) => sql.raw(`overlay(overlay(md5('${prefix}' || ${i}) placing '4' from 13) placing '8' from 17)::uuid`);

const SYLLABLES = ['an', 'ka', 'lin', 'mar', 'so', 'ri', 'ta', 'ne', 'vi', 'lo', 'ber', 'gu', 'sen', 'tho', 'ya', 'mi', 'dra', 'ko', 'el', 'pa', 'ru', 'sti', 'na', 'ho', 've', 'li', 'do', 'ma', 'ze', 'ni', 'ol', 'ga', 'ur', 'chai', 'pon', 'du', 'ce', 'ba', 'fi', 'jo'];
const cap = (x: string) => x[0]!.toUpperCase() + x.slice(1);
/** An invented name for copy i: about 64,000 family names and 1,600 given names. */
function inventedNames(i: number): { given_names: string; family_names: string; aliases: string[] } {
  const s = (k: number) => SYLLABLES[k % SYLLABLES.length]!;
  const f = Math.floor(i * 2654435761) >>> 0;
  return { given_names: cap(s(f) + s(f >>> 6)), family_names: cap(s(f >>> 12) + s(f >>> 18) + s(i)), aliases: [] };
}

async function columnsOf(db: Kysely<DB>, table: string, except: readonly string[]): Promise<string[]> {
  const r = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
      and not (column_name = 'id' and column_default like 'nextval%')
    order by ordinal_position`.execute(db);
  return r.rows.map((c) => c.column_name).filter((c) => !except.includes(c));
}

const list = (cols: readonly string[], prefix = '') => sql.raw(cols.map((c) => `${prefix}"${c}"`).join(', '));

/** Copies the template cases (those in the database now) until there are `target` cases. */
export async function multiplyCases(db: Kysely<DB>, target: number, onProgress: (done: number, total: number) => void): Promise<void> {
  const templates = Number((await sql<{ n: number }>`select count(*)::int as n from cases`.execute(db)).rows[0]!.n);
  const copies = target - templates;
  if (templates === 0) throw new Error('no template cases to copy');
  if (copies <= 0) return;
  await sql`create temporary table load_templates as
    select (row_number() over (order by c.created_at, c.id) - 1)::int as k, c.id as case_id, c.person_id
    from cases c`.execute(db);
  const personCols = await columnsOf(db, 'persons', ['id']);
  const caseCols = await columnsOf(db, 'cases', ['id', 'ref', 'person_id', 'referred_on']);
  const eventCols = await columnsOf(db, 'case_events', ['case_id']);
  const chunk = 25_000;
  for (let from = 1; from <= copies; from += chunk) {
    const to = Math.min(copies, from + chunk - 1);
    const g = sql`(select i, i % ${templates}::int as k from generate_series(${from}::int, ${to}::int) as i) g join load_templates t on t.k = g.k`;
    await sql`insert into persons (id, ${list(personCols)})
      select ${uuidOf('load-p', 'g.i')}, ${list(personCols, 'p.')} from ${g} join persons p on p.id = t.person_id`.execute(db);
    await sql`insert into cases (id, ref, person_id, referred_on, ${list(caseCols)})
      select ${uuidOf('load-c', 'g.i')}, 'LOAD-' || g.i, ${uuidOf('load-p', 'g.i')}, c.referred_on - (g.i % 1800), ${list(caseCols, 'c.')}
      from ${g} join cases c on c.id = t.case_id`.execute(db);
    await sql`insert into case_events (case_id, ${list(eventCols)})
      select ${uuidOf('load-c', 'g.i')}, ${list(eventCols, 'e.')} from ${g} join case_events e on e.case_id = t.case_id`.execute(db);
    await sql`insert into assessments (case_id, person_id, assessed_on, decision, exploitation_forms, labour_sector, age_basis, is_child)
      select ${uuidOf('load-c', 'g.i')}, ${uuidOf('load-p', 'g.i')}, c.referred_on - (g.i % 1800) + 10,
        case when g.i % 10 = 7 then 'no_reason_to_assume' else 'reason_to_assume' end,
        c.exploitation_forms, case when 'labour' = any(c.exploitation_forms) then 'A' end, 'unknown', g.i % 9 = 0
      from ${g} join cases c on c.id = t.case_id where g.i % 10 < 8`.execute(db);
    await sql`update cases c set status = a.decision, assessed_on = a.assessed_on
      from assessments a where a.case_id = c.id and c.ref like 'LOAD-%' and c.id in (select ${uuidOf('load-c', 'i')} from generate_series(${from}::int, ${to}::int) i)`.execute(db);
    // Every copy its own invented name (sealed, with its blind index), as persons would have.
    for (let a = from; a <= to; a += 5_000) {
      const b = Math.min(to, a + 4_999);
      const ns = Array.from({ length: b - a + 1 }, (_, k) => sealNames(inventedNames(a + k)));
      await sql`update persons p set given_names = t.g, family_names = t.f, name_index = string_to_array(t.x, ' ')
        from unnest(${ns.map((n) => n.given_names as unknown as string)}::text[], ${ns.map((n) => n.family_names as unknown as string)}::text[],
          ${ns.map((n) => n.name_index.join(' '))}::text[], ${Array.from({ length: b - a + 1 }, (_, k) => a + k)}::int[]) as t(g, f, x, i)
        where p.id = ${uuidOf('load-p', 't.i')}`.execute(db);
    }
    onProgress(templates + to, target);
  }
  await sql`drop table load_templates`.execute(db);
  await sql`analyze`.execute(db);
}

export interface VisibleIds {
  /** Case ids a coordinator of the region may read, by region. */
  byRegion: Map<string, string[]>;
  /** Case ids an organisation referred (first responders read these), by organisation id. */
  byReferrer: Map<string, string[]>;
}

/** A sample of readable case ids per region and per referring organisation. */
export async function visibleIds(db: Kysely<DB>, perKey = 400): Promise<VisibleIds> {
  const regions = await sql<{ region: string; ids: string[] }>`
    select region, (array_agg(id order by md5(id::text)))[1:${perKey}::int] as ids from cases group by region`.execute(db);
  const orgs = await sql<{ org: string; ids: string[] }>`
    select referring_org_id as org, (array_agg(id order by md5(id::text)))[1:${perKey}::int] as ids
    from cases where referring_org_id is not null group by referring_org_id`.execute(db);
  return {
    byRegion: new Map(regions.rows.map((r) => [r.region, r.ids])),
    byReferrer: new Map(orgs.rows.map((r) => [r.org, r.ids])),
  };
}
