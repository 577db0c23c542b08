// Upgrading a database written before encryption at rest: migration 0008 turns aliases into one
// text, and the first start with keys seals every legacy plaintext value (and builds the blind
// index) once; codes that share a column with free text stay plain.
import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import * as m0001 from '../db/migrations/0001-foundation.js';
import * as m0002 from '../db/migrations/0002-referral-mechanism.js';
import * as m0003 from '../db/migrations/0003-referral-withdraw-reason.js';
import * as m0004 from '../db/migrations/0004-statistics.js';
import * as m0005 from '../db/migrations/0005-retention.js';
import * as m0006 from '../db/migrations/0006-persons.js';
import * as m0007 from '../db/migrations/0007-sign-in.js';
import { nameIndexOf, searchTokenSets } from './blind-index.js';
import { prepareEncryption } from './data-keys.js';
import { open, openList } from './field-cipher.js';
import { eventField, FIELD } from './fields.js';
import { testKeyring, useKeyring } from './keyring.js';
import { valuesByKey } from './reencrypt.js';
import { openSnapshot } from '../modules/persons/merge.repository.js';
import { createScratchDatabase } from '../db/scratch-database.js';

const BEFORE_ENCRYPTION: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-referral-mechanism': m0002,
  '0003-referral-withdraw-reason': m0003,
  '0004-statistics': m0004,
  '0005-retention': m0005,
  '0006-persons': m0006,
  '0007-sign-in': m0007,
};

let database: Database;
let drop: () => Promise<void> = async () => undefined;
const keyring = testKeyring();

async function emptyDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDatabase({ dataDir: 'memory://' });
  const scratch = await createScratchDatabase(adminUrl, 'lots_test');
  drop = scratch.drop;
  return openDatabase({ url: scratch.url, poolSize: 2 });
}

const ids = { org: '', person: '', case: '', merge: '' };

beforeAll(async () => {
  database = await emptyDatabase();
  const db = database.db;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => BEFORE_ENCRYPTION } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  // Rows as the application wrote them before migration 0008: everything in clear.
  ids.org = (await sql<{ id: string }>`insert into organisations (name, kind) values ('NSP legacy', 'nsp') returning id`.execute(db)).rows[0]!.id;
  ids.person = (await sql<{ id: string }>`insert into persons (given_names, family_names, aliases, sex, birth_year)
    values ('Ștefania', 'Äldre-Persson', '{"Gamla Namnet","Fanny"}', 'female', 1988) returning id`.execute(db)).rows[0]!.id;
  await sql`insert into persons (given_names, family_names, sex) values ('Utan', 'Alias', 'male')`.execute(db);
  ids.case = (await sql<{ id: string }>`insert into cases (ref, person_id, region, referral_source, referred_on, summary)
    values ('LOTS-2025-000001', ${ids.person}, 'stockholm', 'social_services', '2025-02-01', 'GammalSammanfattning') returning id`.execute(db)).rows[0]!.id;
  await sql`insert into case_events (case_id, kind, data) values
    (${ids.case}, 'information_added', '{"text": "GammalTilläggsuppgift"}'),
    (${ids.case}, 'transferred', '{"from": "vast", "to": "stockholm", "reason": "GammaltFlyttskäl"}'),
    (${ids.case}, 'closed', '{"closedOn": "2025-03-01", "reason": "returned_home", "note": "GammalAvslutsanteckning"}')`.execute(db);
  await sql`insert into consents (case_id, purpose, recipient_org_id, status, recorded_on, note)
    values (${ids.case}, 'nsp_support', ${ids.org}, 'withdrawn', '2025-02-02', 'GammalSamtyckesanteckning')`.execute(db);
  await sql`insert into referrals (case_id, from_org_id, to_org_id, purpose, status, message, consent_basis, sent_on, respond_by, withdraw_reason)
    values (${ids.case}, ${ids.org}, ${ids.org}, 'nsp_support', 'withdrawn', 'GammaltMeddelande', 'consent', '2025-02-02', '2025-02-20', 'consent_withdrawn')`.execute(db);
  await sql`insert into case_groups (name, region, notes) values ('Grupp', 'stockholm', 'GammalGruppanteckning')`.execute(db);
  ids.merge = (await sql<{ id: string }>`insert into person_merges (kept_person_id, removed_person_id, removed_person, kept_before, kept_after, fields)
    values (${ids.person}, gen_random_uuid(), '{"given_names": "Borttagen", "family_names": "Person", "aliases": ["Gammalt Alias"]}',
      '{"given_names": "Ștefania", "family_names": "Äldre-Persson", "aliases": []}', '{"erased": true}', '{}') returning id`.execute(db)).rows[0]!.id;
  await migrateToLatest(db);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop();
});

describe('a database from before encryption at rest', () => {
  it('keeps its aliases as one text and marks its rows for encryption', async () => {
    const row = (await sql<{ aliases: string; pending: boolean }>`select p.aliases, s.plaintext_pending as pending
      from persons p, data_encryption_state s where p.id = ${ids.person}`.execute(database.db)).rows[0]!;
    expect(JSON.parse(row.aliases)).toEqual(['Gamla Namnet', 'Fanny']);
    expect(row.pending).toBe(true);
    expect((await valuesByKey(database.db)).get('plaintext')).toBeGreaterThan(10);
  });

  it('is encrypted at the first start with keys, once; codes stay plain; names become searchable', async () => {
    useKeyring(keyring);
    const { legacySealed } = await prepareEncryption(database.db, keyring);
    expect(legacySealed).toBeGreaterThan(10);
    expect([...(await valuesByKey(database.db)).keys()]).toEqual(['test0001']);
    const db = database.db;
    const p = await db.selectFrom('persons').select(['given_names', 'family_names', 'aliases', 'name_index']).where('id', '=', ids.person).executeTakeFirstOrThrow();
    expect([open(FIELD.givenNames, p.given_names), open(FIELD.familyNames, p.family_names), openList(FIELD.aliases, p.aliases)]).toEqual(['Ștefania', 'Äldre-Persson', ['Gamla Namnet', 'Fanny']]);
    expect(p.name_index).toEqual(nameIndexOf(['Ștefania', 'Äldre-Persson', 'Gamla Namnet', 'Fanny'], 'test0001', keyring));
    const [tokens] = searchTokenSets('STEFANIA persson', keyring);
    expect((await sql<{ id: string }>`select id from persons where name_index @> ${tokens}::text[]`.execute(db)).rows.map((r) => r.id)).toEqual([ids.person]);

    const c = await db.selectFrom('cases').select('summary').where('id', '=', ids.case).executeTakeFirstOrThrow();
    expect(open(FIELD.caseSummary, c.summary)).toBe('GammalSammanfattning');
    const events = await db.selectFrom('case_events').select(['kind', 'data']).where('case_id', '=', ids.case).orderBy('id').execute();
    const data = events.map((e) => e.data as Record<string, string>);
    expect(open(eventField('text'), data[0]!.text!)).toBe('GammalTilläggsuppgift');
    expect(open(eventField('reason'), data[1]!.reason!)).toBe('GammaltFlyttskäl');
    expect(data[2]!.reason).toBe('returned_home');
    expect(open(eventField('note'), data[2]!.note!)).toBe('GammalAvslutsanteckning');
    const r = await db.selectFrom('referrals').select(['message', 'withdraw_reason']).executeTakeFirstOrThrow();
    expect(open(FIELD.referralMessage, r.message)).toBe('GammaltMeddelande');
    expect(r.withdraw_reason).toBe('consent_withdrawn');
    const m = await db.selectFrom('person_merges').select(['removed_person', 'kept_before', 'kept_after']).where('id', '=', ids.merge).executeTakeFirstOrThrow();
    expect(openSnapshot(m.removed_person)).toMatchObject({ given_names: 'Borttagen', family_names: 'Person', aliases: ['Gammalt Alias'] });
    expect(openSnapshot(m.kept_before)).toMatchObject({ given_names: 'Ștefania', aliases: [] });
    expect(openSnapshot(m.kept_after)).toEqual({ erased: true });

    expect((await prepareEncryption(db, keyring)).legacySealed).toBe(0);
  });
});
