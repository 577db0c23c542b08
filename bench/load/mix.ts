// The request mix of the load benchmark: what each kind of session sends, to Lots and to the
// bare baseline server. Every connection is one signed-in session of one user; its role decides
// its mix, so the case-scope predicates of coordinators (region), first responders (referring
// organisation) and partners (shares) are all exercised, and writes carry the session's CSRF token.
export type RequestKind = 'list' | 'read' | 'create' | 'inform' | 'statistics';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface MixEntry {
  kind: RequestKind;
  /** The Lots request. */
  lots(p: { caseId: string; i: number }): BenchRequest;
  /** The baseline request (same SQL, no Lots hooks); the user travels in x-bench-user. */
  base(p: { caseId: string; i: number }): BenchRequest;
  /** What the baseline route runs, for the printout. */
  baseline: string;
}

const DIMENSIONS = ['form', 'sex_age', 'region', 'citizenship', 'source'] as const;
const MUNICIPALITIES = ['0180', '1480', '1280', '0380', '2480', '1880', '0580'];

/** A synthetic referral (invented person), varied by i. */
export function referral(i: number): string {
  return JSON.stringify({
    person: { givenNames: `Lastperson${i % 997}`, familyNames: `Benchsson${i % 991}`, aliases: [], sex: i % 3 === 0 ? 'male' : 'female', birthYear: 1970 + (i % 40), citizenships: ['TH'], protectedIdentity: false },
    municipalityCode: MUNICIPALITIES[i % MUNICIPALITIES.length],
    referralSource: 'social_services',
    referredOn: '2026-01-15',
    exploitationForms: ['labour'],
    summary: `Syntetiskt lastärende ${i}.`,
  });
}

export const MIX: MixEntry[] = [
  {
    kind: 'list',
    lots: ({ i }) => ({ method: 'GET', path: `/api/v1/cases?page=${1 + (i % 20)}` }),
    base: ({ i }) => ({ method: 'GET', path: `/b/cases?page=${1 + (i % 20)}` }),
    baseline: "Lots' own case-list statements (findSealedCasesInScope: a count per part of the scope, each part's page, merged), names left sealed",
  },
  {
    kind: 'read',
    lots: ({ caseId }) => ({ method: 'GET', path: `/api/v1/cases/${caseId}` }),
    base: ({ caseId }) => ({ method: 'GET', path: `/b/cases/${caseId}` }),
    baseline: 'one case ⋈ person under the same scope predicate, names opened',
  },
  {
    kind: 'create',
    lots: ({ i }) => ({ method: 'POST', path: '/api/v1/cases', body: referral(i) }),
    base: ({ i }) => ({ method: 'POST', path: '/b/cases', body: referral(i) }),
    baseline: 'one transaction: insert person, insert case (names and summary sealed)',
  },
  {
    kind: 'inform',
    lots: ({ caseId, i }) => ({ method: 'POST', path: `/api/v1/cases/${caseId}/information`, body: JSON.stringify({ text: `Syntetisk uppgift ${i}.` }) }),
    base: ({ caseId, i }) => ({ method: 'POST', path: `/b/cases/${caseId}/information`, body: JSON.stringify({ text: `Syntetisk uppgift ${i}.` }) }),
    baseline: 'one transaction: insert timeline event (text sealed), touch the case',
  },
  {
    kind: 'statistics',
    lots: ({ i }) => ({ method: 'GET', path: `/api/v1/statistics/identified?by=${DIMENSIONS[i % DIMENSIONS.length]}&from=2024&to=2026` }),
    base: ({ i }) => ({ method: 'GET', path: `/b/statistics?by=${DIMENSIONS[i % DIMENSIONS.length]}&from=2024&to=2026` }),
    baseline: 'plain GROUP BY over current reason-to-assume assessments ⋈ cases ⋈ persons for the years',
  },
];

export const byKind = (kind: RequestKind): MixEntry => MIX.find((m) => m.kind === kind)!;

/** Which users the sessions are, and what each role sends (weights). */
export interface Role {
  name: string;
  usernames: string[];
  /** Share of the connections. */
  share: number;
  weights: Partial<Record<RequestKind, number>>;
}

export const ROLES: Role[] = [
  {
    name: 'coordinator',
    usernames: ['koordinator.stockholm', 'koordinator.vast', 'koordinator.nord', 'koordinator.syd', 'koordinator.mitt', 'koordinator.ost', 'koordinator.bergslagen'],
    share: 0.6,
    weights: { list: 35, read: 45, inform: 20 },
  },
  { name: 'first responder', usernames: ['socialsekreterare', 'skola.goteborg', 'socialtjanst.goteborg'], share: 0.2, weights: { list: 40, read: 35, create: 25 } },
  { name: 'partner', usernames: ['polis', 'migrationsverket'], share: 0.1, weights: { list: 70, read: 30 } },
  { name: 'analyst', usernames: ['analytiker'], share: 0.1, weights: { statistics: 100 } },
];
