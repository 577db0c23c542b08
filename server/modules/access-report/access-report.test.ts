// Data-subject access report: everything about the person from every table, across regions;
// only the coordinators of the person's regions may produce it; every production and refusal is
// audited; the PDF is a PDF and every value in it is escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { createFullCase, type FullCase } from '../../proof/full-case.js';
import type { AccessReport } from './access-report.schema.js';
import { renderAccessReportHtml } from './access-report.html.js';

let t: TestApp;
let stockholm: Client;
let full: FullCase;
let vastCase: { id: string; ref: string };

beforeAll(async () => {
  t = await createTestApp();
  stockholm = await signIn(t.app, 'koordinator.stockholm');
  full = await createFullCase(t.database.db, stockholm, { tag: 'Utdrag' });
  // The same person also has a case in Väst (linked as a confirmed match would link it).
  const vast = await signIn(t.app, 'koordinator.vast');
  const res = await vast.post('/api/v1/cases', referralBody({ municipalityCode: '1480', summary: 'VästSammanfattningUtdrag' }));
  expect(res.statusCode).toBe(201);
  vastCase = res.json<{ id: string; ref: string }>();
  await t.database.db.updateTable('cases').set({ person_id: full.personId }).where('id', '=', vastCase.id).execute();
}, 120_000);
afterAll(() => t?.close());

const url = (personId: string, q = '') => `/api/v1/persons/${personId}/access-report${q}`;

describe('access report (JSON)', () => {
  it('holds the person and every record of every case, in every region', async () => {
    const res = await stockholm.get(url(full.personId));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const report = res.json<AccessReport>();
    expect(report.person).toMatchObject({ id: full.personId, givenNames: 'PloyUtdrag', familyNames: 'RaderassonUtdrag', aliases: ['AliasnamnUtdrag'], citizenships: ['TH', 'LA'] });
    expect(report.cases.map((c) => c.ref).sort()).toEqual([full.ref, vastCase.ref].sort());
    const c = report.cases.find((x) => x.ref === full.ref)!;
    for (const key of ['timeline', 'assessments', 'consents', 'referrals', 'permits', 'policeReports', 'nsp', 'amp', 'compensation', 'supportPlans', 'sharedWith'] as const) {
      expect(c[key].length, key).toBeGreaterThan(0);
    }
    const body = res.body;
    for (const s of full.secrets) expect(body, s).toContain(JSON.stringify(s).slice(1, -1));
    expect(body).toContain('VästSammanfattningUtdrag');
    expect(c.sharedWith[0]!.organisation!.name).toMatch(/NSP/);
    expect(report.retention.map((r) => r.rule)).toEqual(['no_reason_to_assume', 'closed_case']);
  });

  it('lists who read or changed the data by organisation and time, naming no officer', async () => {
    const report = (await stockholm.get(url(full.personId))).json<AccessReport>();
    const reads = report.accessLog.filter((a) => a.action === 'case.read' && a.caseRef === full.ref);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.organisation!.name).toBe('Regionkoordinatorerna Stockholm');
    expect(report.accessLog.some((a) => a.action === 'case.create' && a.caseRef === vastCase.ref && a.organisation?.name === 'Regionkoordinatorerna Väst')).toBe(true);
    const text = JSON.stringify(report.accessLog) + JSON.stringify(report.cases.map((x) => x.timeline));
    for (const staff of ['koordinator.stockholm', 'Karin Koordinator', 'Vera Koordinator']) expect(text).not.toContain(staff);
  });

  it('may be produced by the coordinator of any region holding one of the cases', async () => {
    const vast = await signIn(t.app, 'koordinator.vast');
    const res = await vast.get(url(full.personId, '?lang=en'));
    expect(res.statusCode).toBe(200);
    expect(res.json<AccessReport>().cases).toHaveLength(2);
  });

  it('answers 404 to everyone else, as for a person that does not exist, and audits it', async () => {
    for (const username of ['koordinator.nord', 'nsp', 'polis', 'socialsekreterare', 'analytiker', 'admin', 'revisor']) {
      const c = await signIn(t.app, username);
      const res = await c.get(url(full.personId));
      expect(res.statusCode, username).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No such person' } });
    }
    expect((await stockholm.get(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: url(full.personId) })).statusCode).toBe(401);
    expect((await stockholm.get(url(full.personId, '?format=xml'))).statusCode).toBe(400);
    expect((await stockholm.get(url('not-a-uuid'))).statusCode).toBe(400);
    const events = await t.database.db.selectFrom('audit_events').select(['outcome', 'actor_username']).where('action', '=', 'person.access_report').execute();
    const outcomes = events.map((e) => e.outcome);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(3);
    expect(outcomes.filter((o) => o === 'denied')).toHaveLength(7);
    expect(outcomes.filter((o) => o === 'not_found')).toHaveLength(1);
  });
});

describe('access report (PDF)', () => {
  it('renders a PDF in Swedish and in English', async () => {
    for (const lang of ['sv', 'en']) {
      const res = await stockholm.get(url(full.personId, `?format=pdf&lang=${lang}`));
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="lots-access-report-\d{4}-\d{2}-\d{2}\.pdf"$/);
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(10_000);
    }
    const audited = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'person.access_report').where('outcome', '=', 'ok').execute();
    expect(audited.some((e) => (e.details as { format?: string }).format === 'pdf')).toBe(true);
  }, 120_000);

  it('escapes every value in the HTML it prints', async () => {
    const report = (await stockholm.get(url(full.personId))).json<AccessReport>();
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    report.person.givenNames = hostile;
    report.cases[0]!.summary = hostile;
    report.cases[0]!.timeline[0]!.data = { text: hostile };
    const html = renderAccessReportHtml(report, 'sv');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
    expect(html).toContain("default-src 'none'");
  });
});
