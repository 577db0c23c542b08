// Demo data: one coordination unit per police region, agencies, one user per role and a few
// dozen synthetic referrals. Every name is invented. Used by `npm start` on an empty
// embedded database and by `lots seed-demo`.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { systemActor } from '../auth/actor.js';
import { loadActor } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import { recordAudit } from '../audit/audit.service.js';
import { createReferral } from '../modules/cases/case.service.js';
import { POLICE_REGIONS, type PoliceRegion } from '../../domain/codelists/police-regions.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { Role } from '../../domain/codelists/roles.js';
import type { ExploitationForm } from '../../domain/codelists/exploitation-forms.js';
import type { ReferralSource } from '../../domain/codelists/referral-sources.js';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE } from './demo-people.js';
import { seedPublishedSeries } from '../modules/statistics/series.service.js';
import { seedDemoStatistics, seedDemoSurveySeries } from './demo-statistics.js';

export const DEMO_PASSWORD = 'demo-lots-2026';

interface DemoOrg {
  key: string;
  name: string;
  kind: OrganisationKind;
  region?: PoliceRegion;
  municipalityCode?: string;
}

const REGION_NAMES: Record<PoliceRegion, string> = {
  nord: 'Nord',
  mitt: 'Mitt',
  stockholm: 'Stockholm',
  ost: 'Öst',
  vast: 'Väst',
  syd: 'Syd',
  bergslagen: 'Bergslagen',
};

const ORGS: DemoOrg[] = [
  ...POLICE_REGIONS.map((r) => ({ key: `rk-${r.code}`, name: `Regionkoordinatorerna ${REGION_NAMES[r.code]}`, kind: 'regional_coordination' as const, region: r.code })),
  { key: 'soc-stockholm', name: 'Socialtjänsten Stockholms stad', kind: 'social_services', municipalityCode: '0180' },
  { key: 'soc-goteborg', name: 'Socialtjänsten Göteborgs stad', kind: 'social_services', municipalityCode: '1480' },
  { key: 'soc-malmo', name: 'Socialtjänsten Malmö stad', kind: 'social_services', municipalityCode: '1280' },
  { key: 'soc-asele', name: 'Socialtjänsten Åsele kommun', kind: 'social_services', municipalityCode: '2463' },
  { key: 'police', name: 'Polismyndigheten', kind: 'police' },
  { key: 'prosecution', name: 'Åklagarmyndigheten', kind: 'prosecution' },
  { key: 'migration', name: 'Migrationsverket', kind: 'migration_agency' },
  { key: 'akc', name: 'Arbetsmiljöverket (AKC)', kind: 'akc' },
  { key: 'nsp', name: 'Plattformen Civila Sverige mot människohandel (NSP)', kind: 'nsp_provider' },
  { key: 'iom', name: 'IOM Sverige (ÅMP)', kind: 'iom' },
  { key: 'nspm', name: 'Jämställdhetsmyndigheten (NSPM)', kind: 'national_coordinator' },
  { key: 'school-goteborg', name: 'Demoskolan Göteborg', kind: 'school', municipalityCode: '1480' },
  { key: 'health-stockholm', name: 'Demo vårdcentral Stockholm', kind: 'health_care', municipalityCode: '0180' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  org: string;
  roles: Role[];
  description: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'socialsekreterare', displayName: 'Sara Socialsekreterare', org: 'soc-stockholm', roles: ['first_responder', 'social_services'], description: 'first responder, social services Stockholm' },
  { username: 'koordinator.stockholm', displayName: 'Karin Koordinator', org: 'rk-stockholm', roles: ['coordinator'], description: 'regional coordinator, Stockholm' },
  { username: 'koordinator.vast', displayName: 'Vera Koordinator', org: 'rk-vast', roles: ['coordinator'], description: 'regional coordinator, Väst' },
  { username: 'koordinator.nord', displayName: 'Nils Koordinator', org: 'rk-nord', roles: ['coordinator'], description: 'regional coordinator, Nord' },
  { username: 'koordinator.syd', displayName: 'Sofia Koordinator', org: 'rk-syd', roles: ['coordinator'], description: 'regional coordinator, Syd' },
  { username: 'koordinator.mitt', displayName: 'Mats Koordinator', org: 'rk-mitt', roles: ['coordinator'], description: 'regional coordinator, Mitt' },
  { username: 'koordinator.ost', displayName: 'Olle Koordinator', org: 'rk-ost', roles: ['coordinator'], description: 'regional coordinator, Öst' },
  { username: 'koordinator.bergslagen', displayName: 'Berit Koordinator', org: 'rk-bergslagen', roles: ['coordinator'], description: 'regional coordinator, Bergslagen' },
  { username: 'skola.goteborg', displayName: 'Sven Skolkurator', org: 'school-goteborg', roles: ['first_responder'], description: 'first responder, school in Göteborg' },
  { username: 'socialtjanst.goteborg', displayName: 'Greta Socialsekreterare', org: 'soc-goteborg', roles: ['first_responder', 'social_services'], description: 'social services Göteborg' },
  { username: 'polis', displayName: 'Per Polis', org: 'police', roles: ['partner', 'first_responder'], description: 'police (partner)' },
  { username: 'aklagare', displayName: 'Åsa Åklagare', org: 'prosecution', roles: ['partner'], description: 'prosecutor (partner)' },
  { username: 'migrationsverket', displayName: 'Mira Handläggare', org: 'migration', roles: ['partner', 'first_responder'], description: 'Migration Agency (partner)' },
  { username: 'nsp', displayName: 'Nora Stödsamordnare', org: 'nsp', roles: ['partner'], description: 'NSP support programme (partner)' },
  { username: 'iom', displayName: 'Ivan Återvändande', org: 'iom', roles: ['partner'], description: 'IOM return programme (partner)' },
  { username: 'analytiker', displayName: 'Anna Analytiker', org: 'nspm', roles: ['national_analyst'], description: 'national analyst, NSPM' },
  { username: 'admin', displayName: 'Adam Administratör', org: 'nspm', roles: ['admin'], description: 'administrator' },
  { username: 'revisor', displayName: 'Rut Revisor', org: 'nspm', roles: ['auditor'], description: 'auditor' },
];

// Deterministic pseudo-random numbers (mulberry32) so the demo is the same every time.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CASE_PLACES: { municipalityCode: string; referrer: string; source: ReferralSource }[] = [
  { municipalityCode: '0180', referrer: 'socialsekreterare', source: 'social_services' },
  { municipalityCode: '0180', referrer: 'polis', source: 'police' },
  { municipalityCode: '1480', referrer: 'skola.goteborg', source: 'school' },
  { municipalityCode: '1480', referrer: 'socialtjanst.goteborg', source: 'social_services' },
  { municipalityCode: '1280', referrer: 'migrationsverket', source: 'migration_agency' },
  { municipalityCode: '2463', referrer: 'polis', source: 'akc_inspection' },
  { municipalityCode: '0380', referrer: 'migrationsverket', source: 'migration_agency' },
  { municipalityCode: '0580', referrer: 'polis', source: 'police' },
  { municipalityCode: '1880', referrer: 'migrationsverket', source: 'migration_agency' },
];

const FORMS: ExploitationForm[][] = [['sexual'], ['labour'], ['labour'], ['begging'], ['criminal'], ['sexual', 'labour'], ['domestic_work'], ['forced_marriage'], []];
const CITIZENSHIPS = ['TH', 'RO', 'UA', 'NG', 'PH', 'TR', 'BG', 'VN', 'SE'];

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(
  db: Kysely<DB>,
  opts: {
    cases?: number;
    publishedSeries?: boolean;
    /** Historical cases 2021–2025, programme records and survey figures for the statistics (default: as publishedSeries). */
    history?: boolean;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<{ users: DemoUser[] }> {
  const system = systemActor('seed-demo');
  const orgIds = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const o of ORGS) {
      const row = await trx
        .insertInto('organisations')
        .values({ name: o.name, kind: o.kind, region: o.region ?? null, municipality_code: o.municipalityCode ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, row.id);
    }
    // Municipal organisations take their region from the municipality.
    await trx
      .updateTable('organisations')
      .set((eb) => ({
        region: eb.selectFrom('municipalities').select('municipalities.region').whereRef('municipalities.code', '=', 'organisations.municipality_code'),
      }))
      .where('municipality_code', 'is not', null)
      .execute();
    for (const u of DEMO_USERS) {
      const user = await trx
        .insertInto('users')
        .values({ username: u.username, display_name: u.displayName, email: null, organisation_id: orgIds.get(u.org)!, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('user_roles').values(u.roles.map((role) => ({ user_id: user.id, role }))).execute();
    }
    await recordAudit(trx, system, { action: 'demo.seed', resourceType: 'system', details: { organisations: ORGS.length, users: DEMO_USERS.length } });
  });

  const total = opts.cases ?? 36;
  const rand = prng(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const actors = new Map<string, Awaited<ReturnType<typeof loadActor>>>();
  for (let i = 0; i < total; i++) {
    const place = CASE_PLACES[i % CASE_PLACES.length]!;
    if (!actors.has(place.referrer)) {
      const u = await db.selectFrom('users').select('id').where('username', '=', place.referrer).executeTakeFirstOrThrow();
      actors.set(place.referrer, await loadActor(db, u.id, 'session', 'seed-demo'));
    }
    const actor = actors.get(place.referrer)!;
    const female = rand() < 0.55;
    const child = place.source === 'school' || rand() < 0.1;
    const year = child ? 2010 + Math.floor(rand() * 4) : 1975 + Math.floor(rand() * 30);
    const referredOn = `2026-${String(1 + Math.floor(rand() * 10)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    await createReferral(db, actor!, {
      person: {
        givenNames: pick(female ? GIVEN_FEMALE : GIVEN_MALE),
        familyNames: pick(FAMILY),
        aliases: [],
        sex: female ? 'female' : 'male',
        birthDate: rand() < 0.5 ? `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15` : null,
        birthYear: year,
        estimatedAge: null,
        citizenships: [pick(CITIZENSHIPS)],
        protectedIdentity: i === 7,
      },
      municipalityCode: place.municipalityCode,
      referralSource: place.source,
      referredOn,
      exploitationForms: pick(FORMS),
      summary: 'Syntetiskt demoärende. Inga riktiga personer.',
    });
    opts.onProgress?.(i + 1, total);
  }
  // Share two Stockholm cases with social services (assigned) and one with the police.
  const stockholm = await db.selectFrom('cases').select('id').where('region', '=', 'stockholm').orderBy('ref').limit(3).execute();
  const shares = [
    { org: 'soc-stockholm', purpose: 'assigned', fields: [] as string[] },
    { org: 'soc-stockholm', purpose: 'assigned', fields: [] as string[] },
    { org: 'police', purpose: 'police_report', fields: ['person.name', 'person.birth', 'person.sex', 'case.forms'] },
  ];
  for (const [i, c] of stockholm.entries()) {
    const s = shares[i]!;
    await db.insertInto('case_shares').values({ case_id: c.id, organisation_id: orgIds.get(s.org)!, purpose: s.purpose, fields: s.fields }).execute();
  }
  // The published national figures (DOMAIN.md §7) as external series, so the dashboard has them.
  if (opts.publishedSeries !== false) await seedPublishedSeries(db);
  // Historical statistics (demo-statistics.ts): the dashboard, tables and report have data.
  if (opts.history ?? opts.publishedSeries !== false) {
    await seedDemoSurveySeries(db);
    await seedDemoStatistics(db);
  }
  return { users: DEMO_USERS };
}
