// Retention and erasure: the dry run lists, the real run blanks personal data and free texts,
// the statistical facts stay, every erasure is audited without names, a person with a live case
// keeps their identity, and a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../../auth/actor.js';
import { verifyAuditChain } from '../../audit/audit.verify.js';
import { swedishToday } from '../../jobs/clock.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { createFullCase, everyRowAsText, everyRowOpened, type FullCase } from '../../proof/full-case.js';
import { openNames } from '../persons/person-names.js';
import { cutoffDate, DEFAULT_RULES, loadRetentionConfig, parseRetentionConfig, type RetentionConfig } from './retention.config.js';
import { runRetention } from './retention.service.js';

let t: TestApp;
let closedOld: FullCase; // closed 2021: due under closed_case
let noReason: FullCase; // no reason to assume, assessed 2025-03-10, open: due under no_reason_to_assume (when today ≥ 2026-03-10)
let closedRecent: FullCase; // closed this year: not due
let sharedOld: FullCase; // closed 2021, but the same person has a live case
let live: FullCase;
const config: RetentionConfig = { rules: DEFAULT_RULES.map((r) => ({ ...r })), source: 'test' };
const today = swedishToday();
const actor = systemActor('retention-test');

async function statisticalFacts(caseIds: string[]) {
  const db = t.database.db;
  return {
    cases: await db.selectFrom('cases').select(['id', 'ref', 'region', 'municipality_code', 'status', 'referral_source', 'referred_on', 'assessed_on', 'closed_on', 'closure_reason', 'exploitation_forms', 'labour_sector', 'person_id']).where('id', 'in', caseIds).orderBy('id').execute(),
    assessments: await db.selectFrom('assessments').select(['id', 'decision', 'assessed_on', 'legal_basis', 'acts', 'means', 'purposes', 'indicators', 'exploitation_forms', 'labour_sector', 'age_at_assessment', 'age_basis', 'is_child', 'superseded_by']).where('case_id', 'in', caseIds).orderBy('id').execute(),
    persons: await db.selectFrom('persons').innerJoin('cases', 'cases.person_id', 'persons.id').select(['persons.id', 'persons.sex', 'persons.birth_year', 'persons.estimated_age', sql<string | null>`persons.citizenships[1]`.as('citizenship')]).where('cases.id', 'in', caseIds).orderBy('persons.id').execute(),
    permits: await db.selectFrom('permit_applications').select(['id', 'kind', 'applicant_kind', 'decision', 'submitted_on', 'decided_on']).where('case_id', 'in', caseIds).orderBy('id').execute(),
    police: await db.selectFrom('police_reports').select(['id', 'classification', 'injured_party', 'reported_on', 'prosecution_decision']).where('case_id', 'in', caseIds).orderBy('id').execute(),
    nsp: await db.selectFrom('nsp_enrolments').select(['id', 'enrolled_on', 'support_types']).where('case_id', 'in', caseIds).orderBy('id').execute(),
    amp: await db.selectFrom('amp_returns').select(['id', 'applied_on', 'return_country', 'decision']).where('case_id', 'in', caseIds).orderBy('id').execute(),
    compensation: await db.selectFrom('compensation_claims').select(['id', 'kind', 'filed_on', 'amount_claimed_sek']).where('case_id', 'in', caseIds).orderBy('id').execute(),
    support: await db.selectFrom('support_plans').select(['id', 'needs']).where('case_id', 'in', caseIds).orderBy('id').execute(),
    referrals: await db.selectFrom('referrals').select(['id', 'purpose', 'status', 'sent_on']).where('case_id', 'in', caseIds).orderBy('id').execute(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const c = await signIn(t.app, 'koordinator.stockholm');
  closedOld = await createFullCase(t.database.db, c, { year: 2021, tag: 'Gammal', birthDate: '1990-01-11' });
  noReason = await createFullCase(t.database.db, c, { year: 2025, tag: 'Ingen', birthDate: '1990-02-12', decision: 'no_reason_to_assume', close: false });
  closedRecent = await createFullCase(t.database.db, c, { year: 2026, tag: 'Ny', birthDate: '1990-03-13' });
  sharedOld = await createFullCase(t.database.db, c, { year: 2021, tag: 'Delad', birthDate: '1990-04-14' });
  live = await createFullCase(t.database.db, c, { year: 2026, tag: 'Levande', birthDate: '1990-06-16', close: false });
  // The same person in two cases (as a confirmed match would link them).
  await t.database.db.updateTable('cases').set({ person_id: sharedOld.personId }).where('id', '=', live.id).execute();
  // The matching work's traces of the person to be erased: a merge snapshot and a candidate's evidence.
  const [a, b] = [closedOld.personId, closedRecent.personId].sort();
  await sql`insert into person_match_candidates (person_a, person_b, probability, band, explanation)
    values (${a}, ${b}, 0.9, 'review', ${JSON.stringify({ weight: 3, priorWeight: -2, evidence: [{ field: 'givenNames', a: 'PloyGammal', b: 'PloyNy' }] })}::jsonb)`.execute(t.database.db);
  await sql`insert into person_merges (kept_person_id, removed_person_id, removed_person, kept_before, kept_after, fields)
    values (${closedOld.personId}, gen_random_uuid(), '{"given_names": "PloyGammal"}', '{"family_names": "RaderassonGammal"}', '{"aliases": ["AliasnamnGammal"]}', '{"givenNames": "PloyGammal"}')`.execute(t.database.db);
}, 240_000);
afterAll(() => t?.close());

describe('retention', () => {
  it('dry run lists the due cases per rule and changes nothing', async () => {
    const before = await everyRowAsText(t.database.db);
    const report = await runRetention(t.database.db, actor, { config, today, dryRun: true });
    const byRule = Object.fromEntries(report.rules.map((r) => [r.id, r]));
    expect(byRule.closed_case!.refs.sort()).toEqual([closedOld.ref, sharedOld.ref].sort());
    expect(byRule.closed_case!.cutoff).toBe(cutoffDate(today, 3));
    expect(byRule.no_reason_to_assume!.refs).toEqual(today >= '2026-03-10' ? [noReason.ref] : []);
    expect(report.casesErased).toBe(0);
    const after = await everyRowAsText(t.database.db);
    // Only the audit event of the dry run itself was added.
    expect(after.split('\n').filter((l) => !before.includes(l)).every((l) => l.includes('retention.run'))).toBe(true);
    const opened = await everyRowOpened(t.database.db);
    for (const s of closedOld.secrets) expect(opened).toContain(s);
  });

  it('erases personal data and free texts, keeps the statistical facts, audits without names', async () => {
    const due = [closedOld, noReason, sharedOld];
    const facts = await statisticalFacts(due.map((c) => c.id));
    const report = await runRetention(t.database.db, actor, { config, today, dryRun: false });
    expect(report.casesErased).toBe(3);
    expect(report.personsErased).toBe(2); // sharedOld's person still has a live case

    // Searched with every encrypted value opened: erasure blanks values, it does not just hide them.
    const all = await everyRowOpened(t.database.db);
    for (const c of [closedOld, noReason]) for (const s of c.secrets) expect(all, `${s} survived erasure`).not.toContain(s);
    const caseOnly = sharedOld.secrets.filter((s) => !/^(Ploy|Raderasson|Aliasnamn)|1990-04-14/.test(s));
    for (const s of caseOnly) expect(all, `${s} survived erasure`).not.toContain(s);
    for (const s of [...closedRecent.secrets, ...live.secrets]) expect(all, `${s} of a case not due was erased`).toContain(s);

    const after = await statisticalFacts(due.map((c) => c.id));
    expect(after).toEqual(facts);
    const persons = await t.database.db.selectFrom('persons').selectAll().where('id', 'in', [closedOld.personId, noReason.personId, sharedOld.personId]).execute();
    const erased = persons.find((p) => p.id === closedOld.personId)!;
    expect(erased).toMatchObject({ given_names: '', family_names: '', aliases: '', name_index: [], birth_date: null, birth_year: 1990, sex: 'female', citizenships: ['TH'] });
    expect(erased.erased_at).not.toBeNull();
    expect(openNames(persons.find((p) => p.id === sharedOld.personId)!)).toMatchObject({ given_names: 'PloyDelad', erased_at: null });

    const cases = await t.database.db.selectFrom('cases').select(['id', 'erased_at', 'erasure_rule', 'summary']).where('id', 'in', due.map((c) => c.id)).execute();
    for (const c of cases) expect(c).toMatchObject({ summary: '', erased_at: expect.any(Date) });
    expect(cases.find((c) => c.id === noReason.id)!.erasure_rule).toBe(today >= '2026-03-10' ? 'no_reason_to_assume' : null);
    const shares = await t.database.db.selectFrom('case_shares').select('revoked_at').where('case_id', '=', closedOld.id).execute();
    expect(shares.every((s) => s.revoked_at !== null)).toBe(true);

    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'case_id', 'person_id', 'details']).where('action', 'like', 'retention.%').execute();
    expect(audit.filter((a) => a.action === 'retention.erase_case').map((a) => a.case_id).sort()).toEqual(due.map((c) => c.id).sort());
    expect(audit.filter((a) => a.action === 'retention.erase_person').map((a) => a.person_id).sort()).toEqual([closedOld.personId, noReason.personId].sort());
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('a second run erases nothing and changes nothing but its own audit event', async () => {
    const before = await everyRowAsText(t.database.db);
    const report = await runRetention(t.database.db, actor, { config, today, dryRun: false });
    expect(report.rules.every((r) => r.count === 0)).toBe(true);
    expect(report.casesErased + report.personsErased).toBe(0);
    const added = (await everyRowAsText(t.database.db)).split('\n').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('retention.run');
  });

  it('an erased case reads as erased through the API, without its texts', async () => {
    const c = await signIn(t.app, 'koordinator.stockholm');
    const view = (await c.get(`/api/v1/cases/${closedOld.id}`)).json<{ summary: string; person: { givenNames: string }; timeline: { kind: string; data: Record<string, unknown> }[] }>();
    expect(view.summary).toBe('');
    expect(view.person.givenNames).toBe('');
    expect(view.timeline.find((e) => e.kind === 'information_added')!.data).toEqual({ erased: true });
    expect(view.timeline.find((e) => e.kind === 'closed')!.data).toMatchObject({ reason: 'returned_home', erased: true });
  });
});

describe('retention configuration', () => {
  it('reads config/retention.json with its documented defaults and takes per-rule overrides', () => {
    const c = loadRetentionConfig({});
    expect(c.rules.map((r) => [r.id, r.applies, r.years])).toEqual(DEFAULT_RULES.map((r) => [r.id, r.applies, r.years]));
    expect(loadRetentionConfig({ LOTS_RETENTION_YEARS_CLOSED_CASE: '5' }).rules.find((r) => r.id === 'closed_case')!.years).toBe(5);
    expect(() => loadRetentionConfig({ LOTS_RETENTION_YEARS_CLOSED_CASE: '0' })).toThrow(/1 to 100/);
    expect(() => loadRetentionConfig({ LOTS_RETENTION_CONFIG: '/nonexistent/retention.json' })).toThrow(/ENOENT|no such file/);
  });

  it('refuses an invalid configuration, naming the field', () => {
    expect(() => parseRetentionConfig({ rules: [{ id: 'x1', applies: 'closed', years: 0, description: 'd' }] }, 'f')).toThrow(/rules\.0\.years/);
    expect(() => parseRetentionConfig({ rules: [{ id: 'x1', applies: 'everything', years: 3, description: 'd' }] }, 'f')).toThrow(/rules\.0\.applies/);
    expect(() => parseRetentionConfig({ rules: [], extra: 1 }, 'f')).toThrow(/invalid/);
  });

  it('counts whole years back from today, 29 February included', () => {
    expect(cutoffDate('2026-11-25', 3)).toBe('2023-11-25');
    expect(cutoffDate('2028-02-29', 1)).toBe('2027-02-28');
  });
});
