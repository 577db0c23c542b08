// Factories for the referral and group tests: cases through the API, organisations and users
// through their services, consent records.
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { referralBody, type Client } from '../../test/harness.js';

export async function createCase(coordinator: Client, overrides: Record<string, unknown> = {}, person: Record<string, unknown> = {}): Promise<{ id: string; ref: string }> {
  const base = referralBody();
  const res = await coordinator.post('/api/v1/cases', { ...base, referralSource: 'own_outreach', ...overrides, person: { ...base.person, ...person } });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, ref: res.json().ref };
}

export async function orgId(db: Kysely<DB>, name: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function giveConsent(coordinator: Client, caseId: string, purpose: string, recipientOrgId: string, status = 'given', recordedOn = '2026-03-05') {
  const res = await coordinator.post(`/api/v1/cases/${caseId}/consents`, { purpose, recipientOrgId, status, recordedOn, givenBy: 'person' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export const ORG = {
  socStockholm: 'Socialtjänsten Stockholms stad',
  socGoteborg: 'Socialtjänsten Göteborgs stad',
  police: 'Polismyndigheten',
  prosecution: 'Åklagarmyndigheten',
  migration: 'Migrationsverket',
  nsp: 'Plattformen Civila Sverige mot människohandel (NSP)',
  iom: 'IOM Sverige (ÅMP)',
  health: 'Demo vårdcentral Stockholm',
  rkStockholm: 'Regionkoordinatorerna Stockholm',
} as const;
