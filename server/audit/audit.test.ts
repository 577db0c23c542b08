// The audit trail: append-only by trigger, hash-chained, verifiable, searchable by auditors.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type TestApp } from '../test/harness.js';
import { verifyAuditChain } from './audit.verify.js';

let t: TestApp;
let caseId: string;
let caseRef: string;
beforeAll(async () => {
  t = await createTestApp();
  const referrer = await signIn(t.app, 'socialsekreterare');
  const created = (await referrer.post('/api/v1/cases', referralBody())).json();
  caseId = created.id;
  caseRef = created.ref;
  await (await signIn(t.app, 'koordinator.stockholm')).get(`/api/v1/cases/${caseId}`);
  await (await signIn(t.app, 'koordinator.vast')).get(`/api/v1/cases/${caseId}`);
});
afterAll(() => t.close());

describe('the audit trail', () => {
  it('verifies as intact after normal use', async () => {
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(5);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql`update audit_events set action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('lets the auditor find both coordinators’ reads of a case, the allowed and the denied', async () => {
    const auditor = await signIn(t.app, 'revisor');
    const res = await auditor.get(`/api/v1/audit?caseRef=${caseRef}&action=case.read`);
    expect(res.statusCode).toBe(200);
    const reads = res.json().items.map((e: { actor: { username: string }; outcome: string }) => `${e.actor.username}:${e.outcome}`);
    expect(reads).toContain('koordinator.stockholm:ok');
    expect(reads).toContain('koordinator.vast:denied');
    const byUser = await auditor.get('/api/v1/audit?username=koordinator.vast');
    expect(byUser.json().items.every((e: { actor: { username: string } }) => e.actor.username === 'koordinator.vast')).toBe(true);
    const period = await auditor.get('/api/v1/audit?from=2000-01-01&to=2000-12-31');
    expect(period.json().total).toBe(0);
    expect((await auditor.get('/api/v1/audit?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
  });

  it('is closed to everyone but auditors', async () => {
    const coordinator = await signIn(t.app, 'koordinator.stockholm');
    expect((await coordinator.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('detects an event altered behind the trigger’s back, naming the first broken link', async () => {
    const target = await t.database.db.selectFrom('audit_events').select(['seq']).where('action', '=', 'case.read').orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(t.database.db);
    await sql`update audit_events set actor_username = 'someone-else' where seq = ${target.seq}`.execute(t.database.db);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(t.database.db);
    const r = await verifyAuditChain(t.database.db);
    expect(r).toMatchObject({ ok: false, brokenAtSeq: Number(target.seq), reason: 'content_altered' });
  });

  it('detects a deleted event as a broken link', async () => {
    const t2 = await createTestApp();
    try {
      await signIn(t2.app, 'admin');
      await signIn(t2.app, 'revisor');
      const rows = await t2.database.db.selectFrom('audit_events').select('seq').orderBy('seq').execute();
      const victim = rows[1]!.seq;
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(t2.database.db);
      await sql`delete from audit_events where seq = ${victim}`.execute(t2.database.db);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(t2.database.db);
      const r = await verifyAuditChain(t2.database.db);
      expect(r).toMatchObject({ ok: false, brokenAtSeq: Number(rows[2]!.seq), reason: 'link_broken' });
    } finally {
      await t2.close();
    }
  });
});
