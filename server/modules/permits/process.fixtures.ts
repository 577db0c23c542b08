// Test fixtures shared by the permit, criminal and support tests: organisations by kind, a fresh
// case for a fresh person, and shares of a case with an organisation (as an accepted referral
// would create them).
import { swedishToday } from '../../jobs/clock.js';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../test/harness.js';
import { referralBody } from '../../test/harness.js';

export async function orgId(t: TestApp, name: string): Promise<string> {
  const row = await t.database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export const ORG = {
  socStockholm: 'Socialtjänsten Stockholms stad',
  socGoteborg: 'Socialtjänsten Göteborgs stad',
  police: 'Polismyndigheten',
  prosecution: 'Åklagarmyndigheten',
  migration: 'Migrationsverket',
  nsp: 'Plattformen Civila Sverige mot människohandel (NSP)',
  iom: 'IOM Sverige (ÅMP)',
} as const;

export async function newCase(client: Client, overrides: Record<string, unknown> = {}): Promise<{ id: string; personId: string }> {
  const res = await client.post('/api/v1/cases', referralBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ id: string; person: { id: string } }>();
  return { id: body.id, personId: body.person.id };
}

export async function share(t: TestApp, caseId: string, orgName: string, purpose = 'other'): Promise<void> {
  await t.database.db
    .insertInto('case_shares')
    .values({ case_id: caseId, organisation_id: await orgId(t, orgName), purpose, fields: ['person.name'] })
    .execute();
}

/** Today as the server sees it (the Swedish calendar day), and a day relative to it. */
export function isoToday(offsetDays = 0): string {
  const d = new Date(`${swedishToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

export function fieldPaths(res: { json: () => unknown }): string[] {
  const body = res.json() as { error?: { fields?: { path: string }[] } };
  return (body.error?.fields ?? []).map((f) => f.path);
}
