// The recipient sees only the fields its purpose needs: for every purpose, send a referral
// with consent to a fitting organisation, sign in as that organisation and read the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { systemActor } from '../../auth/actor.js';
import { createUser } from '../users/user.service.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { PURPOSE_RULES, REFERRAL_PURPOSES, type ReferralPurpose, type SharedField } from '../../../domain/process/referral-purposes.js';
import { createCase, giveConsent, orgId, ORG } from './referral.test-helpers.js';

let t: TestApp;
let coord: Client;

// A fitting recipient per purpose, and the user who signs in for it.
const RECIPIENT: Record<ReferralPurpose, { org: keyof typeof ORG; user: string }> = {
  protected_housing: { org: 'nsp', user: 'nsp' },
  social_services_assistance: { org: 'socStockholm', user: 'socialsekreterare' },
  nsp_support: { org: 'nsp', user: 'nsp' },
  amp_return: { org: 'iom', user: 'iom' },
  reflection_period_application: { org: 'prosecution', user: 'aklagare' },
  police_report: { org: 'police', user: 'polis' },
  health_care: { org: 'health', user: 'vard.stockholm' },
  legal_advice: { org: 'nsp', user: 'nsp' },
  interpreter: { org: 'health', user: 'vard.stockholm' },
  other: { org: 'migration', user: 'migrationsverket' },
};

const FIELD_KEYS: Record<SharedField, string[]> = {
  'person.name': ['givenNames', 'familyNames', 'aliases'],
  'person.birth': ['birthDate', 'birthYear'],
  'person.sex': ['sex'],
  'person.citizenships': ['citizenships'],
  'case.forms': ['exploitationForms'],
  'case.summary': ['summary'],
};
const ALL_KEYS = Object.values(FIELD_KEYS).flat().sort();

interface View {
  access: string;
  summary: string | null;
  exploitationForms: string[];
  person: Record<string, unknown>;
}

function visibleKeys(v: View): string[] {
  const values: Record<string, unknown> = { ...v.person, summary: v.summary, exploitationForms: v.exploitationForms };
  return ALL_KEYS.filter((k) => {
    const value = values[k];
    return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  coord = await signIn(t.app, 'koordinator.stockholm');
  // No demo user works in health care. The users service refuses the partner role for a
  // health-care organisation (user.policy PARTNER_KINDS), so the role is added directly here.
  const user = await createUser(t.database.db, systemActor('test'), {
    username: 'vard.stockholm',
    displayName: 'Vera Vårdcentral',
    organisationId: await orgId(t.database.db, ORG.health),
    roles: ['first_responder'],
    password: DEMO_PASSWORD,
  });
  await t.database.db.insertInto('user_roles').values({ user_id: user.id, role: 'partner' }).execute();
});
afterAll(() => t.close());

describe.each(REFERRAL_PURPOSES.map((p) => p.code))('a referral for %s', (purpose) => {
  it('shows the recipient exactly the purpose’s fields', async () => {
    const recipient = RECIPIENT[purpose];
    const toOrgId = await orgId(t.database.db, ORG[recipient.org]);
    const { id } = await createCase(
      coord,
      { exploitationForms: ['labour', 'sexual'], summary: 'Syntetisk sammanfattning.' },
      { givenNames: 'Fält', familyNames: 'Testsson', aliases: ['Fältis'], sex: 'male', birthDate: '1990-05-17', birthYear: 1990, citizenships: ['RO'] },
    );
    const client = await signIn(t.app, recipient.user);
    expect((await client.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    await giveConsent(coord, id, purpose, toOrgId);
    const sent = await coord.post(`/api/v1/cases/${id}/referrals`, { toOrgId, purpose });
    expect(sent.statusCode, sent.body).toBe(201);

    const res = await client.get(`/api/v1/cases/${id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json() as View;
    if (recipient.org === 'socStockholm') {
      // Social services get the case for assistance ('assigned'), in full.
      expect(view.access).toBe('assigned');
      expect(visibleKeys(view)).toEqual(ALL_KEYS);
    } else {
      expect(view.access).toBe('shared');
      const expected = PURPOSE_RULES[purpose].fields.flatMap((f) => FIELD_KEYS[f]).sort();
      expect(visibleKeys(view)).toEqual(expected);
    }
  });
});
