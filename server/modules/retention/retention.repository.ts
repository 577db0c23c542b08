// SQL of retention: the cases a rule makes due, and the erasure of one case's personal data and
// free texts, of a person's identity, and of a group's notes. What is kept is what the
// statistics count (docs/security.md#retention-and-erasure).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { RetentionKind } from './retention.config.js';
import { EMPTY_SEALED, type Sealed } from '../../crypto/field-cipher.js';
import { EVENT_FREE_TEXT_KEYS, EVENT_FREE_TEXT_REASON_KINDS } from '../../crypto/fields.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface DueCase {
  id: string;
  ref: string;
  person_id: string;
  anchor: string;
}

/** The latest current assessment's decision of a case. */
const currentDecision = sql<string | null>`(
  select a.decision from assessments a
  where a.case_id = cases.id and a.superseded_by is null
  order by a.assessed_on desc, a.created_at desc, a.id desc limit 1)`;

/** Cases not yet erased whose anchor date is on or before the cutoff, under one kind of rule. */
export async function findDueCases(q: Q, kind: RetentionKind, cutoff: string): Promise<DueCase[]> {
  let query = q.selectFrom('cases').where('cases.erased_at', 'is', null);
  switch (kind) {
    case 'closed':
      query = query.where('cases.status', '=', 'closed').where('cases.closed_on', '<=', cutoff);
      return query.select(['cases.id', 'cases.ref', 'cases.person_id', sql<string>`cases.closed_on`.as('anchor')]).orderBy('cases.ref').execute();
    case 'no_reason_to_assume': {
      const anchor = sql<string>`case when cases.status = 'closed' then cases.closed_on else cases.assessed_on end`;
      return query
        .where('cases.status', 'in', ['no_reason_to_assume', 'closed'])
        .where(currentDecision, '=', 'no_reason_to_assume')
        .where(anchor, '<=', cutoff)
        .select(['cases.id', 'cases.ref', 'cases.person_id', anchor.as('anchor')])
        .orderBy('cases.ref')
        .execute();
    }
  }
}

// The free texts of timeline events (sealed at rest, server/crypto/fields.ts): removed outright.
const FREE_TEXT_KEYS = [...EVENT_FREE_TEXT_KEYS];
const FREE_TEXT_REASON_KINDS = [...EVENT_FREE_TEXT_REASON_KINDS];
// Encrypted columns are blanked to the empty value, which is stored as '' (nothing to decrypt).
const BLANK = EMPTY_SEALED;

export interface CaseErasure {
  events: number;
  assessments: number;
  consents: number;
  referrals: number;
  permits: number;
  policeReports: number;
  supportPlans: number;
  sharesRevoked: number;
  /** Case notes whose text was erased (0009); their legal basis stays, as it never changes. */
  notes: number;
}

/** Locks the case and tells whether it is still not erased (so two runs never erase twice). */
export async function lockUnerasedCase(trx: Transaction<DB>, caseId: string): Promise<boolean> {
  const row = await trx.selectFrom('cases').select('id').where('id', '=', caseId).where('erased_at', 'is', null).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function eraseCaseData(trx: Transaction<DB>, caseId: string, ruleId: string): Promise<CaseErasure> {
  const n = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows);
  await trx
    .updateTable('cases')
    .set({ summary: BLANK, erased_at: new Date(), erasure_rule: ruleId, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', caseId)
    .execute();
  const freeKeys = sql`${sql.val(FREE_TEXT_KEYS)}::text[]`;
  const events = await sql`
    update case_events
    set data = (data - ${freeKeys} - case when kind = any(${sql.val(FREE_TEXT_REASON_KINDS)}::text[]) then 'reason' else '' end)
      || '{"erased": true}'::jsonb
    where case_id = ${caseId}
      and (data ?| ${freeKeys} or (kind = any(${sql.val(FREE_TEXT_REASON_KINDS)}::text[]) and data ? 'reason'))`.execute(trx);
  const assessments = await trx.updateTable('assessments').set({ reasons: BLANK }).where('case_id', '=', caseId).where('reasons', '<>', BLANK).executeTakeFirst();
  const consents = await trx.updateTable('consents').set({ note: BLANK }).where('case_id', '=', caseId).where('note', '<>', BLANK).executeTakeFirst();
  const referrals = await trx
    .updateTable('referrals')
    .set({
      message: BLANK,
      decline_reason: sql`case when decline_reason is null then null else '' end`,
      // 'consent_withdrawn' is a code the system writes; anything else is the coordinator's text.
      withdraw_reason: sql`case when withdraw_reason is null or withdraw_reason = 'consent_withdrawn' then withdraw_reason else '' end`,
    })
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([eb('message', '<>', BLANK), eb('decline_reason', '<>', BLANK), eb(sql<string>`withdraw_reason`, 'not in', ['', 'consent_withdrawn'])]))
    .executeTakeFirst();
  const permits = await trx.updateTable('permit_applications').set({ note: BLANK }).where('case_id', '=', caseId).where('note', '<>', BLANK).executeTakeFirst();
  // The police case number points into another register's file on the person.
  const policeReports = await trx.updateTable('police_reports').set({ police_ref: BLANK }).where('case_id', '=', caseId).where('police_ref', '<>', BLANK).executeTakeFirst();
  const supportPlans = await trx.updateTable('support_plans').set({ plan: BLANK }).where('case_id', '=', caseId).where('plan', '<>', BLANK).executeTakeFirst();
  const notes = await trx.updateTable('case_notes').set({ text: BLANK, erased_at: new Date() }).where('case_id', '=', caseId).where('text', '<>', BLANK).executeTakeFirst();
  // Nobody outside the region keeps a view of an erased case.
  const shares = await trx.updateTable('case_shares').set({ revoked_at: new Date() }).where('case_id', '=', caseId).where('revoked_at', 'is', null).executeTakeFirst();
  return {
    events: Number(events.numAffectedRows ?? 0),
    assessments: n(assessments),
    consents: n(consents),
    referrals: n(referrals),
    permits: n(permits),
    policeReports: n(policeReports),
    supportPlans: n(supportPlans),
    sharesRevoked: n(shares),
    notes: n(notes),
  };
}

/** True when the person has no case left that still holds personal data. */
export async function allCasesErased(trx: Transaction<DB>, personId: string): Promise<boolean> {
  const open = await trx.selectFrom('cases').select('id').where('person_id', '=', personId).where('erased_at', 'is', null).limit(1).executeTakeFirst();
  return open === undefined;
}

/**
 * Blanks the person's identity. Kept for the statistics: sex, birth year (age groups of the
 * programme tables), the age estimate, the first citizenship (the citizenship tables count it).
 */
export async function erasePersonIdentity(trx: Transaction<DB>, personId: string): Promise<boolean> {
  const r = await trx
    .updateTable('persons')
    .set({
      given_names: BLANK,
      family_names: BLANK,
      aliases: BLANK,
      name_index: [],
      birth_year: sql`coalesce(birth_year, extract(year from birth_date)::int)`,
      birth_date: null,
      citizenships: sql`citizenships[1:1]`,
      erased_at: new Date(),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', personId)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  // The reasons given for naming users of a protected identity may speak of the person.
  await trx.updateTable('person_identity_grants').set({ reason: BLANK, revoke_reason: sql<Sealed | null>`case when revoke_reason is null then null else '' end` }).where('person_id', '=', personId).execute();
  return Number(r.numUpdatedRows) === 1;
}

/** Groups whose every member case is erased lose their free-text notes (they may name people). */
export async function eraseFinishedGroups(trx: Transaction<DB>, caseId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    update case_groups g set notes = '', inspection = '', employer = '', version = g.version + 1
    where g.id in (select group_id from case_group_members where case_id = ${caseId})
      and not exists (
        select 1 from case_group_members m join cases c on c.id = m.case_id
        where m.group_id = g.id and c.erased_at is null)
      and (g.notes <> '' or g.inspection <> '' or g.employer <> '')
    returning g.id`.execute(trx);
  return rows.rows.map((r) => r.id);
}

/**
 * Traces of an erased person in the person-matching tables (0006-persons), when they exist:
 * merge snapshots of the records before and after (names included) and the evidence of match
 * candidates (compared values). The match scores stay; an erased person cannot be unmerged.
 */
export async function eraseMatchingTraces(trx: Transaction<DB>, personId: string): Promise<number> {
  const present = (await sql<{ merges: string | null; candidates: string | null }>`
    select to_regclass('public.person_merges')::text as merges, to_regclass('public.person_match_candidates')::text as candidates`.execute(trx)).rows[0]!;
  let n = 0;
  if (present.merges) {
    const r = await sql`update person_merges
      set removed_person = '{"erased": true}', kept_before = '{"erased": true}', kept_after = '{"erased": true}', fields = '{"erased": true}'
      where (kept_person_id = ${personId} or removed_person_id = ${personId}) and removed_person <> '{"erased": true}'::jsonb`.execute(trx);
    n += Number(r.numAffectedRows ?? 0);
  }
  if (present.candidates) {
    const r = await sql`update person_match_candidates
      set explanation = (explanation - 'evidence') || '{"evidence": [], "erased": true}'::jsonb
      where (person_a = ${personId} or person_b = ${personId}) and not coalesce((explanation->>'erased')::boolean, false)`.execute(trx);
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}
