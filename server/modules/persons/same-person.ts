// Which other person records are the same human being as this one, for the reflection-period
// guard (a second application for the same person, by another organisation, is refused): the
// persons merged into this one (through any chain of merges not undone) and the persons of open
// candidate pairs in the auto-flag band. A merged-away person has no cases or permits left, so
// its id only matters to callers that kept it; the auto-flagged pairs are what widen the guard.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

export async function samePersonIdsFor(q: Q, personId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive merged(id) as (
      select removed_person_id from person_merges where kept_person_id = ${personId} and unmerged_at is null
      union
      select m.removed_person_id from person_merges m join merged on m.kept_person_id = merged.id where m.unmerged_at is null
    )
    select id from merged
    union
    select case when c.person_a = ${personId} then c.person_b else c.person_a end as id
      from person_match_candidates c
      where c.status = 'open' and c.band = 'auto_flag' and (c.person_a = ${personId} or c.person_b = ${personId})
        and exists (select 1 from persons p where p.id = case when c.person_a = ${personId} then c.person_b else c.person_a end)
    order by id`.execute(q);
  return rows.map((r) => r.id).filter((id) => id !== personId);
}
