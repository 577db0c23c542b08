// SQL for cases. Every read goes through caseScope(actor): the scope is part of the query.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { caseScope, caseScopeParts } from '../../policies/case.policy.js';
import { searchTokenSets } from '../../crypto/blind-index.js';
import { FIELD, openEventData, sealEventData } from '../../crypto/fields.js';
import { openRow } from '../../crypto/row.js';
import { openNames } from '../persons/person-names.js';
import { identityVisible } from '../../policies/protected-identity.policy.js';
import type { ListCasesInput } from './case.schema.js';

type Q = Kysely<DB> | Transaction<DB>;

export const CASE_COLUMNS = [
  'cases.id',
  'cases.ref',
  'cases.person_id',
  'cases.region',
  'cases.municipality_code',
  'cases.responsible_org_id',
  'cases.referring_org_id',
  'cases.referring_user_id',
  'cases.status',
  'cases.referral_source',
  'cases.referred_on',
  'cases.assessed_on',
  'cases.exploitation_forms',
  'cases.summary',
  'cases.version',
  'cases.created_at',
  'cases.updated_at',
] as const;

export async function findCasesInScope(q: Q, actor: Actor, input: ListCasesInput) {
  const { total, rows } = await findSealedCasesInScope(q, actor, input);
  return { total, rows: rows.map((r) => openRow(openNames(r), { summary: FIELD.caseSummary })) };
}

/** The case list's SQL, its names and summaries still sealed (the load benchmark's baseline runs it too). */
export async function findSealedCasesInScope(q: Q, actor: Actor, input: ListCasesInput) {
  // The scope in disjoint parts (caseScopeParts), each counted and paged on its own index; the
  // pages of the parts are merged. A plain OR of the parts is read by a scan of every case.
  const parts = caseScopeParts(actor);
  if (parts.length === 0) return { total: 0, rows: [] };
  const filters = (eb: ExpressionBuilder<DB, 'cases'>) =>
    eb.and([...(input.status ? [eb('cases.status', '=', input.status)] : []), ...(input.region ? [eb('cases.region', '=', input.region)] : [])]);
  const matching = (part: (typeof parts)[number]) => {
    let query = q.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.person_id').where(part).where(filters);
    if (input.q) {
      const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Names are encrypted: found through the blind index, by whole name tokens (case- and
      // diacritics-insensitive), every token of the query under one of the keyring's keys.
      const tokenSets = searchTokenSets(input.q);
      query = query.where((eb) =>
        eb.or([
          eb('cases.ref', 'ilike', like),
          eb.and([
            // A protected identity is found by name only by its named users.
            identityVisible(actor),
            tokenSets.length === 0 ? sql<boolean>`false` : eb.or(tokenSets.map((tokens) => eb(sql<string[]>`persons.name_index`, '@>', sql<string[]>`${tokens}::text[]`))),
          ]),
        ]),
      );
    }
    return query;
  };
  let total = 0;
  for (const part of parts) {
    // Without a name search the count needs no person row: counting the cases alone is several
    // times cheaper at 100,000 cases (bench/load).
    const counted = input.q ? matching(part) : q.selectFrom('cases').where(part).where(filters);
    const { n } = await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    total += Number(n);
  }
  const page = (part: (typeof parts)[number]) =>
    matching(part)
      .select([...CASE_COLUMNS, 'persons.given_names', 'persons.family_names', 'persons.protected_identity', identityVisible(actor).as('identity_visible')])
      .orderBy('cases.referred_on', 'desc')
      .orderBy('cases.ref', 'desc');
  const offset = (input.page - 1) * input.pageSize;
  let rows;
  if (parts.length === 1) {
    rows = await page(parts[0]!).limit(input.pageSize).offset(offset).execute();
  } else {
    // Each part's first offset + pageSize rows in the list's order, then that page of their union.
    const [first, ...rest] = parts.map((part, k) => q.selectFrom(page(part).limit(offset + input.pageSize).as(`p${k}`)).selectAll());
    const union = rest.reduce((u, b) => u.unionAll(b), first!);
    rows = await q.selectFrom(union.as('u')).selectAll().orderBy('u.referred_on', 'desc').orderBy('u.ref', 'desc').limit(input.pageSize).offset(offset).execute();
  }
  return { total, rows };
}

export async function findCaseInScope(q: Q, actor: Actor, id: string) {
  const row = await q
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .select([
      ...CASE_COLUMNS,
      'persons.given_names',
      'persons.family_names',
      'persons.aliases',
      'persons.sex',
      'persons.birth_date',
      'persons.birth_year',
      'persons.estimated_age',
      'persons.estimated_age_on',
      'persons.citizenships',
      'persons.protected_identity',
      'persons.version as person_version',
      identityVisible(actor).as('identity_visible'),
    ])
    .where('cases.id', '=', id)
    .where(caseScope(actor))
    .executeTakeFirst();
  return row && openRow(openNames(row), { summary: FIELD.caseSummary });
}

export type CaseDetailRow = NonNullable<Awaited<ReturnType<typeof findCaseInScope>>>;

/** Unscoped existence check, used only to tell 'denied' from 'not_found' in the audit trail. */
export async function caseExists(q: Q, id: string): Promise<{ person_id: string } | undefined> {
  return q.selectFrom('cases').select('person_id').where('id', '=', id).executeTakeFirst();
}

export async function activeSharesFor(q: Q, caseId: string, organisationId: string | null) {
  if (!organisationId) return [];
  return q
    .selectFrom('case_shares')
    .select(['purpose', 'fields'])
    .where('case_id', '=', caseId)
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function caseTimeline(q: Q, caseId: string) {
  const rows = await q
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.actor_user_id')
    .leftJoin('organisations', 'organisations.id', 'case_events.actor_org_id')
    .select([
      'case_events.id',
      'case_events.at',
      'case_events.kind',
      'case_events.data',
      'case_events.actor_org_id',
      'users.display_name as actor_name',
      'organisations.name as actor_org_name',
    ])
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.id')
    .execute();
  return rows.map((r) => ({ ...r, data: openEventData(r.kind, r.data) as unknown }));
}

export async function addCaseEvent(
  q: Q,
  actor: Actor,
  caseId: string,
  kind: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await q
    .insertInto('case_events')
    .values({ case_id: caseId, actor_user_id: actor.userId, actor_org_id: actor.organisationId, kind, data: JSON.stringify(sealEventData(kind, data)) })
    .execute();
}

export async function coordinationUnitFor(q: Q, region: string): Promise<string | null> {
  const row = await q
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'regional_coordination')
    .where('region', '=', region)
    .where('active', '=', true)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function nextCaseRef(q: Q, year: number): Promise<string> {
  const { n } = await sql<{ n: number }>`select nextval('case_ref_seq')::int as n`.execute(q).then((r) => r.rows[0]!);
  return `LOTS-${year}-${String(n).padStart(6, '0')}`;
}
