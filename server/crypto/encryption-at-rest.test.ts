// Encryption of identities at rest, end to end through the API: a dump of the database (PGlite's
// own data files, or pg_dump of the PostgreSQL test database) holds none of the names and free
// texts, while the API still returns them; names are found through the blind index; rotation
// re-encrypts under a new key; a process without the keys refuses to start; tampering is caught.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../seed/demo.js';
import { createTestApp, referralBody, signIn, type Client } from '../test/harness.js';
import { createFullCase, everyRowAsText, type FullCase } from '../proof/full-case.js';
import { runDedupe } from '../modules/persons/dedupe.service.js';
import { getTotp, setPendingTotp } from '../auth/totp.repository.js';
import { prepareEncryption } from './data-keys.js';
import { activeKeyring, Keyring, newMasterKey, testKeyring, useKeyring } from './keyring.js';
import { kidOf, open, SealedValueError } from './field-cipher.js';
import { FIELD } from './fields.js';
import { reencryptAll, valuesByKey } from './reencrypt.js';

const run = promisify(execFile);
const TOTP_SECRET = 'GEZDGNBVGY3TQOJQDUMPADGEZDGNBVGY3T';
const postgres = process.env.TEST_DATABASE_URL;

interface App {
  app: FastifyInstance;
  database: Database;
  /** What someone who takes the database without the keys has, as bytes. */
  dump(): Promise<Buffer>;
  close(): Promise<void>;
}

/** PGlite on disk (its files are the dump), or the harness's fresh PostgreSQL database (pg_dump). */
async function startApp(): Promise<App> {
  if (postgres) {
    const t = await createTestApp();
    return {
      app: t.app,
      database: t.database,
      dump: async () => {
        const { name } = (await sql<{ name: string }>`select current_database() as name`.execute(t.database.db)).rows[0]!;
        const url = new URL(postgres);
        url.pathname = `/${name}`;
        const { stdout } = await run('pg_dump', ['--no-owner', url.toString()], { maxBuffer: 256 * 2 ** 20, encoding: 'buffer' });
        return stdout;
      },
      close: () => t.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lots-at-rest-'));
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  useKeyring(testKeyring());
  await prepareEncryption(database.db, activeKeyring());
  await seedDemo(database.db, { cases: 0, publishedSeries: false });
  const app = await buildApp({ database, config: loadConfig({ LOTS_WEB_DIST: '/nonexistent', LOTS_LOGIN_RATE_LIMIT: '1000', LOTS_RATE_LIMIT: '100000', LOTS_MFA: 'off' }) });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await database.close();
  };
  return {
    app,
    database,
    // Every file of the data directory (heap, indexes, write-ahead log), read after a clean close.
    dump: async () => {
      await close();
      const files: Buffer[] = [];
      const walk = (d: string) => {
        for (const f of readdirSync(d)) {
          const p = join(d, f);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(readFileSync(p));
        }
      };
      walk(dir);
      return Buffer.concat(files);
    },
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const contains = (dump: Buffer, s: string) => dump.includes(Buffer.from(s, 'utf8'));
/** One base64 character of the ciphertext changed. */
const flip = (v: string) => `${v.slice(0, 30)}${v[30] === 'A' ? 'B' : 'A'}${v.slice(31)}`;

async function refer(c: Client, person: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/cases', referralBody({ person: { ...referralBody().person, ...person }, ...extra }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; ref: string; person: { id: string } }>();
}

describe('a database dump without the keys', () => {
  let a: App;
  let coordinator: Client;
  let full: FullCase;
  let secrets: string[];

  beforeAll(async () => {
    a = await startApp();
    coordinator = await signIn(a.app, 'koordinator.stockholm');
    full = await createFullCase(a.database.db, coordinator, { tag: 'Dumpad' });
    // A group with its free texts, and a merge (its snapshots hold both persons' names).
    const nord = await signIn(a.app, 'koordinator.nord');
    const group = await nord.post('/api/v1/groups', {
      name: 'Bärplockare 2026',
      region: 'nord',
      place: 'Åsele',
      employer: 'ArbetsgivareDumpad AB',
      inspection: 'InspektionDumpad 2026-08-12',
      notes: 'GruppanteckningDumpad: boende ordnat',
    });
    expect(group.statusCode, group.body).toBe(201);
    const p = { givenNames: 'Zinaida', familyNames: 'Kravtsova-Dumpad', birthDate: '1991-04-02', birthYear: null, sex: 'female', citizenships: ['UA'] };
    await refer(coordinator, p);
    await refer(coordinator, { ...p, givenNames: 'Zinaida Petrovna' });
    await runDedupe(a.database.db);
    const list = (await coordinator.get('/api/v1/persons/candidates?status=open&pageSize=100')).json<{ items: { id: string }[] }>();
    expect(list.items.length).toBeGreaterThan(0);
    const detail = (await coordinator.get(`/api/v1/persons/candidates/${list.items[0]!.id}`)).json();
    const merged = await coordinator.post(`/api/v1/persons/candidates/${list.items[0]!.id}/merge`, {
      version: detail.version,
      personVersions: { a: detail.personADetail.version, b: detail.personBDetail.version },
      keep: 'personA',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    // A TOTP secret being enrolled (users.totp_secret is sealed in totp.repository.ts).
    await setPendingTotp(a.database.db, coordinator.session.user.id, TOTP_SECRET);
    const birthDate = full.secrets.find((s) => /^\d{4}-\d{2}-\d{2}$/.test(s));
    // The birth date stays plain (the statistics compute ages in SQL): docs/security.md.
    secrets = [...full.secrets.filter((s) => s !== birthDate), 'ArbetsgivareDumpad', 'InspektionDumpad', 'GruppanteckningDumpad', 'Zinaida', 'Kravtsova-Dumpad', 'Petrovna', TOTP_SECRET];
  }, 240_000);
  afterAll(() => a?.close());

  it('the API still returns every name and free text', async () => {
    const report = await coordinator.get(`/api/v1/persons/${full.personId}/access-report?format=json`);
    expect(report.statusCode, report.body).toBe(200);
    for (const s of full.secrets) expect(report.body, s).toContain(s);
    const c = (await coordinator.get(`/api/v1/cases/${full.id}`)).json<{ summary: string; person: { givenNames: string; familyNames: string; aliases: string[] } }>();
    expect(c.person).toMatchObject({ givenNames: 'PloyDumpad', familyNames: 'RaderassonDumpad', aliases: ['AliasnamnDumpad'] });
    expect(c.summary).toBe('SammanfattningDumpad om arbetsgivaren i Borås.');
    const groups = (await (await signIn(a.app, 'koordinator.nord')).get('/api/v1/groups')).json<{ items: { employer: string; inspection: string; notes: string }[] }>();
    expect(groups.items[0]).toMatchObject({ employer: 'ArbetsgivareDumpad AB', inspection: 'InspektionDumpad 2026-08-12', notes: 'GruppanteckningDumpad: boende ordnat' });
    const merges = (await coordinator.get('/api/v1/persons/merges')).json<{ items: { keptLabel: string; removedLabel: string }[] }>();
    expect(merges.items[0]!.keptLabel).toMatch(/^Zinaida/);
    expect(merges.items[0]!.removedLabel).toMatch(/^Zinaida/);
    expect((await getTotp(a.database.db, coordinator.session.user.id)).secret).toBe(TOTP_SECRET);
  });

  it('finds a case by whole name tokens, case- and diacritics-insensitively, never by a fragment', async () => {
    const refs = async (q: string) => (await coordinator.get(`/api/v1/cases?q=${encodeURIComponent(q)}`)).json<{ items: { ref: string }[] }>().items.map((i) => i.ref);
    expect(await refs('ploydumpad')).toEqual([full.ref]);
    expect(await refs('RADERASSONDUMPAD ploydumpad')).toEqual([full.ref]);
    expect(await refs('AliasnamnDumpad')).toEqual([full.ref]);
    expect(await refs('Ploydúmpad')).toEqual([full.ref]);
    expect(await refs('Ploy')).toEqual([]);
    expect(await refs('PloyDumpad Nobody')).toEqual([]);
    expect(await refs(full.ref)).toEqual([full.ref]);
  });

  it('holds none of them: not in the stored rows, not in the dump', async () => {
    const rows = await everyRowAsText(a.database.db);
    for (const s of secrets) expect(rows.includes(s), `${s} stored in clear`).toBe(false);
    expect(rows).toMatch(/enc:v1:test0001:/);
    const dump = await a.dump();
    // The method finds plain text where there is some: staff names and organisations are not encrypted.
    expect(contains(dump, 'Karin Koordinator')).toBe(true);
    expect(contains(dump, 'Bärplockare 2026')).toBe(true);
    for (const s of secrets) expect(contains(dump, s), `${s} found in the dump`).toBe(false);
  }, 120_000);
});

describe('keys: start-up check, rotation, tampering', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let coordinator: Client;
  let full: FullCase;
  const both = testKeyring(['test0001', 'test0002']);
  const onlySecond = testKeyring(['test0002']);

  beforeAll(async () => {
    useKeyring(testKeyring());
    t = await createTestApp();
    coordinator = await signIn(t.app, 'koordinator.stockholm');
    full = await createFullCase(t.database.db, coordinator, { tag: 'Roterad', close: false });
  }, 240_000);
  afterAll(async () => {
    useKeyring(testKeyring());
    await t?.close();
  });

  const read = async () => {
    const res = await coordinator.get(`/api/v1/persons/${full.personId}/access-report?format=json`);
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };
  const found = async (q: string) => (await coordinator.get(`/api/v1/cases?q=${encodeURIComponent(q)}`)).json<{ items: { ref: string }[] }>().items.map((i) => i.ref);

  it('refuses to start without the key the values are under, or with another key under its id', async () => {
    await expect(prepareEncryption(t.database.db, onlySecond, { source: 'LOTS_DATA_KEYS' })).rejects.toThrow(
      /holds values encrypted under data key "test0001", which LOTS_DATA_KEYS does not hold/,
    );
    const impostor = new Keyring(new Map([['test0001', newMasterKey()]]), 'test0001');
    await expect(prepareEncryption(t.database.db, impostor, { source: 'the key file' })).rejects.toThrow(/"test0001" in the key file is not the key that encrypted/);
  });

  it('re-encrypts every value under the new key; everything still reads and is found', async () => {
    // A case note too: its trigger refuses any change of its text, yet rotation must rewrite it.
    const note = await coordinator.post(`/api/v1/cases/${full.id}/notes`, { text: 'AnteckningRoterad' });
    expect(note.statusCode, note.body).toBe(201);
    const before = await read();
    for (const s of [...full.secrets, 'AnteckningRoterad']) expect(before).toContain(s);
    const indexBefore = (await t.database.db.selectFrom('persons').select('name_index').where('id', '=', full.personId).executeTakeFirstOrThrow()).name_index;

    // The new key becomes current; the old one stays readable: new writes go under the new key.
    useKeyring(both);
    await prepareEncryption(t.database.db, both);
    expect((await coordinator.post(`/api/v1/cases/${full.id}/information`, { text: 'EfterNyckelbyte' })).statusCode).toBe(200);
    const mixed = await valuesByKey(t.database.db);
    expect(mixed.get('test0001')).toBeGreaterThan(10);
    expect(mixed.get('test0002')).toBe(1);
    expect(await found('PloyRoterad')).toEqual([full.ref]);

    const progress: number[] = [];
    const result = await reencryptAll(t.database.db, both, { onProgress: (d) => progress.push(d) });
    expect(result.values).toBe(mixed.get('test0001'));
    expect(progress.at(-1)).toBe(result.rows);
    expect([...(await valuesByKey(t.database.db)).keys()]).toEqual(['test0002']);
    const stored = await t.database.db.selectFrom('persons').select(['given_names', 'name_index']).where('id', '=', full.personId).executeTakeFirstOrThrow();
    expect(kidOf(stored.given_names as unknown as string)).toBe('test0002');
    expect(stored.name_index).not.toEqual(indexBefore);
    expect((await reencryptAll(t.database.db, both)).rows).toBe(0);
    // The note's guard is back in force after the rewrite.
    await expect(sql`update case_notes set text = 'überschrieben' where case_id = ${full.id}`.execute(t.database.db)).rejects.toThrow(/cannot be changed/);
  });

  it('reads with the new key alone after rotation', async () => {
    await t.database.db.deleteFrom('data_keys').where('kid', '=', 'test0001').execute();
    await prepareEncryption(t.database.db, onlySecond);
    useKeyring(onlySecond);
    const after = await read();
    for (const s of [...full.secrets, 'EfterNyckelbyte', 'AnteckningRoterad']) expect(after).toContain(s);
    expect(await found('raderassonroterad')).toEqual([full.ref]);
  });

  it('detects a tampered or moved ciphertext: a clear error, never garbage', async () => {
    const db = t.database.db;
    const { given_names: original } = await db.selectFrom('persons').select('given_names').where('id', '=', full.personId).executeTakeFirstOrThrow();
    const text = original as unknown as string;
    const flipped = flip(text);
    await sql`update persons set given_names = ${flipped} where id = ${full.personId}`.execute(db);
    expect(() => open(FIELD.givenNames, flipped)).toThrow(SealedValueError);
    expect(() => open(FIELD.givenNames, flipped)).toThrow(/persons\.given_names: encrypted value failed authentication/);
    const res = await coordinator.get(`/api/v1/cases/${full.id}`);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Internal error; it has been logged' } });
    await sql`update persons set given_names = ${text} where id = ${full.personId}`.execute(db);
    expect((await coordinator.get(`/api/v1/cases/${full.id}`)).statusCode).toBe(200);

    // The summary's ciphertext moved into another column does not open there.
    const { summary } = await db.selectFrom('cases').select('summary').where('id', '=', full.id).executeTakeFirstOrThrow();
    expect(() => open(FIELD.consentNote, summary)).toThrow(/consents\.note: encrypted value failed authentication/);
    expect(open(FIELD.caseSummary, summary)).toMatch(/^SammanfattningRoterad/);

    // Plaintext slipped in behind the application's back is refused, not shown.
    await sql`update persons set family_names = 'Klartext' where id = ${full.personId}`.execute(db);
    expect((await coordinator.get(`/api/v1/cases/${full.id}`)).statusCode).toBe(500);
    // Rotation to a third key seals it, and stops, naming the row, at a value that fails authentication.
    const third = testKeyring(['test0002', 'test0003']);
    useKeyring(third);
    await prepareEncryption(db, third);
    await sql`update cases set summary = ${flip(summary as unknown as string)} where id = ${full.id}`.execute(db);
    await expect(reencryptAll(db, third)).rejects.toThrow(new RegExp(`cases row ${full.id}: cases\\.summary: encrypted value failed authentication`));
    await sql`update cases set summary = ${summary as unknown as string} where id = ${full.id}`.execute(db);
    expect((await reencryptAll(db, third)).values).toBeGreaterThan(0);
    expect([...(await valuesByKey(db)).keys()]).toEqual(['test0003']);
    expect((await coordinator.get(`/api/v1/cases/${full.id}`)).json().person.familyNames).toBe('Klartext');
  });
});
