// Case notes and the AKC information rule (Act 2024:307): a police user records AKC information
// on a case; another covered agency with access reads it; the region's coordinator, who sees the
// whole case otherwise, social services and NSP never see it in any read path, and a denied read
// looks like a missing note. Only covered agencies may tag AKC; the tag never changes; every read
// and write is audited with metadata only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { systemActor } from '../../auth/actor.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { createUser } from '../users/user.service.js';
import { eraseCaseData } from '../retention/retention.repository.js';
import type { NoteList, NoteView } from './notes.schema.js';

let t: TestApp;
let police: Client;
let migration: Client;
let tax: Client;
let coordinator: Client;
let social: Client;
let nsp: Client;
let auditor: Client;
let caseId: string;
let personId: string;
let akcNote: NoteView;
let policeOrdinary: NoteView;
let coordinatorNote: NoteView;

const AKC_TEXT = 'AKC-uppgift: arbetsgivaren Syntetbolaget betalar ut lön via tredje part.';
const POLICE_TEXT = 'Polisens vanliga anteckning om tolkbehov.';
const COORDINATOR_TEXT = 'Koordinatorns anteckning om boende.';
const api = (path: string) => `/api/v1${path}`;

async function orgId(name: string): Promise<string> {
  return (await t.database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function share(orgName: string, purpose: string) {
  await t.database.db.insertInto('case_shares').values({ case_id: caseId, organisation_id: await orgId(orgName), purpose, fields: ['case.summary'] }).execute();
}

async function auditOf(action: string) {
  return t.database.db.selectFrom('audit_events').select(['actor_username', 'outcome', 'details', 'resource_id', 'case_id']).where('action', '=', action).orderBy('seq').execute();
}

async function notesOf(client: Client): Promise<NoteList> {
  const res = await client.get(api(`/cases/${caseId}/notes`));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<NoteList>();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const taxOrg = await db.insertInto('organisations').values({ name: 'Skatteverket (syntetisk)', kind: 'tax_agency', region: null, municipality_code: null }).returning('id').executeTakeFirstOrThrow();
  await createUser(db, systemActor('test'), { username: 'skatteverket', displayName: 'Tove Skatt', organisationId: taxOrg.id, roles: ['partner'], password: DEMO_PASSWORD });
  [police, migration, tax, coordinator, social, nsp, auditor] = await Promise.all(
    ['polis', 'migrationsverket', 'skatteverket', 'koordinator.stockholm', 'socialsekreterare', 'nsp', 'revisor'].map((u) => signIn(t.app, u)),
  );
  // The police raise the referral after a joint inspection; the others get the case through shares.
  const created = await police.post(api('/cases'), referralBody({ referralSource: 'police', summary: 'Syntetisk kontroll på en byggarbetsplats.' }));
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json<{ id: string }>().id;
  personId = created.json<{ person: { id: string } }>().person.id;
  await share('Migrationsverket', 'permit_application');
  await share('Skatteverket (syntetisk)', 'akc_cooperation');
  await share('Socialtjänsten Stockholms stad', 'social_services_support');
  await share('Plattformen Civila Sverige mot människohandel (NSP)', 'nsp_support');
}, 120_000);
afterAll(() => t?.close());

describe('recording', () => {
  it('lets a police user add an AKC note and an ordinary one, and the coordinator an ordinary one', async () => {
    const updatedBefore = (await coordinator.get(api(`/cases/${caseId}`))).json<{ updatedAt: string; timeline: unknown[] }>();
    const akc = await police.post(api(`/cases/${caseId}/notes`), { text: AKC_TEXT, legalBasis: 'akc_2024_307' });
    expect(akc.statusCode, akc.body).toBe(201);
    akcNote = akc.json<NoteView>();
    expect(akcNote).toMatchObject({ legalBasis: 'akc_2024_307', text: AKC_TEXT, author: { organisation: 'Polismyndigheten' } });
    const ordinary = await police.post(api(`/cases/${caseId}/notes`), { text: POLICE_TEXT });
    expect(ordinary.statusCode).toBe(201);
    policeOrdinary = ordinary.json<NoteView>();
    expect(policeOrdinary.legalBasis).toBe('ordinary'); // the default
    const own = await coordinator.post(api(`/cases/${caseId}/notes`), { text: COORDINATOR_TEXT, legalBasis: 'ordinary' });
    expect(own.statusCode).toBe(201);
    coordinatorNote = own.json<NoteView>();
    // Adding notes leaves no trace on the case itself: no timeline event, no new updatedAt.
    const after = (await coordinator.get(api(`/cases/${caseId}`))).json<{ updatedAt: string; timeline: unknown[] }>();
    expect(after.updatedAt).toBe(updatedBefore.updatedAt);
    expect(after.timeline).toEqual(updatedBefore.timeline);
    // Free text is sealed at rest like every other.
    const stored = await t.database.db.selectFrom('case_notes').select(sql<string>`text::text`.as('text')).execute();
    for (const s of stored) expect(s.text.startsWith('enc:v1:')).toBe(true);
  });

  it('refuses AKC tagging by the coordinator and by NSP, audited as denied', async () => {
    for (const client of [coordinator, nsp]) {
      const res = await client.post(api(`/cases/${caseId}/notes`), { text: 'Försök att märka som AKC.', legalBasis: 'akc_2024_307' });
      expect(res.statusCode, res.body).toBe(403);
    }
    const denied = (await auditOf('case_note.add')).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.actor_username).sort()).toEqual(['koordinator.stockholm', 'nsp']);
    expect((await t.database.db.selectFrom('case_notes').select('id').execute()).length).toBe(3);
  });

  it('shows the choice of legal basis only to covered agencies', async () => {
    expect((await notesOf(police)).abilities).toEqual({ add: true, tagAkc: true });
    expect((await notesOf(tax)).abilities).toEqual({ add: true, tagAkc: true });
    for (const c of [coordinator, social, nsp]) expect((await notesOf(c)).abilities.tagAkc).toBe(false);
  });
});

describe('reading', () => {
  it('lets another covered agency with access read the AKC note, labelled as such', async () => {
    for (const c of [migration, tax]) {
      const list = await notesOf(c);
      expect(list.items.find((n) => n.id === akcNote.id)).toMatchObject({ legalBasis: 'akc_2024_307', text: AKC_TEXT });
      // Ordinary notes of other organisations stay with those who see the whole case.
      expect(list.items.map((n) => n.id)).toEqual([akcNote.id]);
      const one = await c.get(api(`/notes/${akcNote.id}`));
      expect(one.statusCode).toBe(200);
    }
  });

  it('never shows it to the region’s coordinator, who sees the whole case otherwise, in any read path', async () => {
    const list = await notesOf(coordinator);
    expect(list.items.map((n) => n.id)).toEqual([policeOrdinary.id, coordinatorNote.id]);
    const denied = await coordinator.get(api(`/notes/${akcNote.id}`));
    const missing = await coordinator.get(api('/notes/00000000-0000-4000-8000-0000000000ff'));
    expect(denied.statusCode).toBe(404);
    expect(denied.body).toBe(missing.body);
    expect((await coordinator.get(api(`/notes/${policeOrdinary.id}`))).statusCode).toBe(200);
    const report = await coordinator.get(api(`/persons/${personId}/access-report`));
    expect(report.statusCode, report.body).toBe(200);
    const r = report.json<{ cases: { notes: { text: string }[] }[]; accessLog: { action: string }[] }>();
    expect(r.cases[0]!.notes.map((n) => n.text)).toEqual([POLICE_TEXT, COORDINATOR_TEXT]);
    // Two ordinary notes were added; the AKC note (and the refused attempts to tag AKC) leave no line.
    expect(r.accessLog.filter((a) => a.action === 'case_note.add')).toHaveLength(2);
    const paths = [`/cases/${caseId}`, '/cases', `/cases/${caseId}/process`, `/cases/${caseId}/notes`, '/tasks', '/inbox', '/groups', `/persons/${personId}/access-report`];
    for (const path of paths) {
      const res = await coordinator.get(api(path));
      expect(res.statusCode, path).toBeLessThan(300);
      expect(res.body, path).not.toContain('Syntetbolaget');
      expect(res.body, path).not.toContain(akcNote.id);
    }
    const trail = await auditOf('case_note.read');
    expect(trail.some((e) => e.actor_username === 'koordinator.stockholm' && e.outcome === 'denied' && e.resource_id === akcNote.id)).toBe(true);
  });

  it('does not show it to social services or NSP; social services see the ordinary notes, NSP only its own', async () => {
    expect((await notesOf(social)).items.map((n) => n.id)).toEqual([policeOrdinary.id, coordinatorNote.id]);
    expect((await notesOf(nsp)).items).toEqual([]);
    for (const c of [social, nsp]) {
      expect((await c.get(api(`/notes/${akcNote.id}`))).statusCode).toBe(404);
      for (const path of [`/cases/${caseId}`, `/cases/${caseId}/notes`, '/inbox']) expect((await c.get(api(path))).body, path).not.toContain('Syntetbolaget');
    }
  });

  it('answers 404 to anyone outside the case, as for any case', async () => {
    const vast = await signIn(t.app, 'koordinator.vast');
    expect((await vast.get(api(`/cases/${caseId}/notes`))).statusCode).toBe(404);
    expect((await vast.get(api(`/notes/${policeOrdinary.id}`))).statusCode).toBe(404);
    expect((await vast.post(api(`/cases/${caseId}/notes`), { text: 'Utanför' })).statusCode).toBe(404);
  });
});

describe('accountability', () => {
  it('audits every write and read with its legal basis and never the text; auditors see metadata only', async () => {
    const adds = (await auditOf('case_note.add')).filter((e) => e.outcome === 'ok');
    expect(adds.map((e) => [e.actor_username, (e.details as { legalBasis: string }).legalBasis])).toEqual([
      ['polis', 'akc_2024_307'],
      ['polis', 'ordinary'],
      ['koordinator.stockholm', 'ordinary'],
    ]);
    const lists = await auditOf('case_note.list');
    expect(lists.some((e) => e.actor_username === 'migrationsverket' && (e.details as { noteIds: string[] }).noteIds.includes(akcNote.id))).toBe(true);
    expect(lists.some((e) => e.actor_username === 'koordinator.stockholm' && !(e.details as { noteIds: string[] }).noteIds.includes(akcNote.id))).toBe(true);
    const reads = await auditOf('case_note.read');
    expect(reads.some((e) => e.actor_username === 'skatteverket' && e.outcome === 'ok' && (e.details as { legalBasis: string }).legalBasis === 'akc_2024_307')).toBe(true);
    const search = await auditor.get(api('/audit?action=case_note.add'));
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('akc_2024_307');
    const trail = JSON.stringify(await t.database.db.selectFrom('audit_events').select('details').execute());
    for (const text of [AKC_TEXT, POLICE_TEXT, COORDINATOR_TEXT]) expect(trail).not.toContain(text);
  });

  it('keeps the tag fixed: no route changes a note, and the database refuses a change or a deletion', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const notePaths = Object.entries(doc.paths ?? {}).filter(([p]) => p.includes('notes'));
    expect(notePaths.length).toBeGreaterThan(0);
    for (const [, methods] of notePaths) expect(Object.keys(methods).filter((m) => !['get', 'post'].includes(m))).toEqual([]);
    const db = t.database.db;
    await expect(db.updateTable('case_notes').set({ legal_basis: 'ordinary' }).where('id', '=', akcNote.id).execute()).rejects.toThrow(/cannot be changed/);
    await expect(sql`update case_notes set text = 'x' where id = ${akcNote.id}`.execute(db)).rejects.toThrow(/cannot be changed/);
    await expect(db.deleteFrom('case_notes').where('id', '=', akcNote.id).execute()).rejects.toThrow(/DELETE refused/);
    expect((await db.selectFrom('case_notes').select('legal_basis').where('id', '=', akcNote.id).executeTakeFirstOrThrow()).legal_basis).toBe('akc_2024_307');
  });

  it('is erased with the case by retention, keeping its legal basis', async () => {
    const db = t.database.db;
    const erased = await db.transaction().execute((trx) => eraseCaseData(trx, caseId, 'closed_case'));
    expect(erased.notes).toBe(3);
    const rows = await db.selectFrom('case_notes').select(['legal_basis', 'erased_at', sql<string>`text::text`.as('text')]).where('case_id', '=', caseId).orderBy('created_at').execute();
    expect(rows.map((r) => [r.legal_basis, r.text, r.erased_at !== null])).toEqual([
      ['akc_2024_307', '', true],
      ['ordinary', '', true],
      ['ordinary', '', true],
    ]);
    // The shares went with the erasure; the police, who referred the case, still reach it.
    const list = await notesOf(police);
    expect(list.items[0]).toMatchObject({ id: akcNote.id, text: '', erased: true });
  });
});
