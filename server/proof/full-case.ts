// Test fixture for the trust tests: one case taken through the whole process by the API, so
// every table that can hold a person's data has a row: the person, the case and its timeline,
// an assessment, consent, a referral, a permit application, a police report, a support plan,
// NSP, ÅMP, compensation, and (optionally) the closure. Free texts carry a marker to search for.
import { expect } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { referralBody, type Client } from '../test/harness.js';
import { isSealed, open } from '../crypto/field-cipher.js';
import { eventField } from '../crypto/fields.js';

export interface FullCase {
  id: string;
  ref: string;
  personId: string;
  /** Strings that are personal data or free text: none may survive erasure. */
  secrets: string[];
}

async function orgId(db: Kysely<DB>, name: string): Promise<string> {
  return (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function ok(res: { statusCode: number; body: string }, what: string, status = [200, 201]) {
  expect(status, `${what}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
}

async function version(c: Client, id: string): Promise<number> {
  return (await c.get(`/api/v1/cases/${id}`)).json<{ version: number }>().version;
}

export async function createFullCase(
  db: Kysely<DB>,
  coordinator: Client,
  opts: { year?: number; tag?: string; birthDate?: string; decision?: 'reason_to_assume' | 'no_reason_to_assume'; close?: boolean; municipalityCode?: string } = {},
): Promise<FullCase> {
  const y = opts.year ?? 2026;
  const tag = opts.tag ?? 'Alfa';
  const birthDate = opts.birthDate ?? '1990-05-17';
  const decision = opts.decision ?? 'reason_to_assume';
  const given = `Ploy${tag}`;
  const family = `Raderasson${tag}`;
  const alias = `Aliasnamn${tag}`;
  const summary = `Sammanfattning${tag} om arbetsgivaren i Borås.`;
  const info = `Tilläggsuppgift${tag}: bor hos en bekant.`;
  const reasons = `Bedömningsskäl${tag}: passet hålls inne av arbetsgivaren.`;
  const consentNote = `Samtyckesanteckning${tag}`;
  const message = `Hänvisningsmeddelande${tag}`;
  const permitNote = `Tillståndsanteckning${tag}`;
  const policeRef = `5000-K${tag}-21`;
  const plan = `Stödplan${tag}: boende och vård.`;
  const closeNote = `Avslutsanteckning${tag}`;

  const created = await coordinator.post(
    '/api/v1/cases',
    referralBody({
      person: { givenNames: given, familyNames: family, aliases: [alias], sex: 'female', birthDate, birthYear: Number(birthDate.slice(0, 4)), citizenships: ['TH', 'LA'], protectedIdentity: false },
      referralSource: 'own_outreach',
      municipalityCode: opts.municipalityCode ?? '0180',
      referredOn: `${y}-03-01`,
      summary,
    }),
  );
  await ok(created, 'create');
  const { id, ref, person } = created.json<{ id: string; ref: string; person: { id: string } }>();
  const post = async (path: string, body: Record<string, unknown>, what = path) => ok(await coordinator.post(`/api/v1/cases/${id}${path}`, body), what);

  await post('/information', { text: info });
  await post('/start-assessment', { version: await version(coordinator, id) });
  await post('/assessments', {
    version: await version(coordinator, id),
    assessedOn: `${y}-03-10`,
    legalBasis: 'trafficking_4_1a',
    decision,
    acts: ['recruiting'],
    means: ['deception'],
    purposes: ['forced_labour'],
    indicators: ['gen.documents_withheld'],
    exploitationForms: ['labour'],
    labourSector: 'A',
    reasons,
  });
  const nsp = await orgId(db, 'Plattformen Civila Sverige mot människohandel (NSP)');
  await post('/consents', { purpose: 'nsp_support', recipientOrgId: nsp, status: 'given', recordedOn: `${y}-03-11`, givenBy: 'person', note: consentNote });
  await post('/referrals', { toOrgId: nsp, purpose: 'nsp_support', message });
  await post('/permits', { kind: 'reflection', applicantOrgId: await orgId(db, 'Socialtjänsten Stockholms stad'), applicantKind: 'social_welfare_board', submittedOn: `${y}-03-12`, note: permitNote });
  await post('/police-reports', { reportedOn: `${y}-03-12`, classification: 'trafficking', policeRef });
  await post('/support-plan', { needs: ['housing'], plan });
  if (decision === 'reason_to_assume') {
    await post('/start-support', { version: await version(coordinator, id) });
    await post('/nsp', { enrolledOn: `${y}-03-15`, supportTypes: ['acute_basic_needs'] });
    await post('/amp', { appliedOn: `${y}-04-01`, returnCountry: 'TH' });
    await post('/compensation', { kind: 'unpaid_wages', filedOn: `${y}-04-01`, amountClaimedSek: 20_000 });
  }
  if (opts.close !== false) {
    await post('/close', { version: await version(coordinator, id), closedOn: `${y}-06-01`, reason: 'returned_home', note: closeNote });
  }
  return { id, ref, personId: person.id, secrets: [given, family, alias, birthDate, summary, info, reasons, consentNote, message, permitNote, policeRef, plan, ...(opts.close !== false ? [closeNote] : [])] };
}

/** Every row of every table as stored, as text: what a database dump holds. */
export async function everyRowAsText(db: Kysely<DB>): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ t: string }>`select row_to_json(x)::text as t from ${sql.table(table_name)} x`.execute(db);
    for (const r of rows.rows) parts.push(r.t);
  }
  return parts.join('\n');
}

/**
 * Every row of every table as text with each encrypted value opened in place (with the key of
 * this process): what the data say, to search for what must be gone or must have stayed.
 * A value is opened with the associated data of where it sits: its column, a timeline event's
 * data key, or the persons column inside a merge snapshot.
 */
export async function everyRowOpened(db: Kysely<DB>): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts: string[] = [];
  const walk = (value: unknown, field: (key: string) => string, key: string): unknown => {
    if (typeof value === 'string') return isSealed(value) ? open(field(key), value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, field, key));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, field, k)]));
    return value;
  };
  for (const { table_name: table } of tables.rows) {
    const rows = await sql<{ t: Record<string, unknown> | string }>`select row_to_json(x) as t from ${sql.table(table)} x`.execute(db);
    for (const r of rows.rows) {
      const row = (typeof r.t === 'string' ? JSON.parse(r.t) : r.t) as Record<string, unknown>;
      const opened = Object.fromEntries(
        Object.entries(row).map(([column, v]) => {
          const nested = table === 'case_events' && column === 'data' ? (k: string) => eventField(k) : table === 'person_merges' ? (k: string) => `persons.${k}` : () => `${table}.${column}`;
          return [column, typeof v === 'string' ? walk(v, () => `${table}.${column}`, column) : walk(v, nested, column)];
        }),
      );
      parts.push(JSON.stringify(opened));
    }
  }
  return parts.join('\n');
}
