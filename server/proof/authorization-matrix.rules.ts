// The expected outcome of every route family for every kind of actor: the authorization
// matrix's specification, written from the policies' intent (docs/ARCHITECTURE.md, the policy
// file headers), not from their code. A route of the OpenAPI document that no family matches
// fails the matrix: a new route must be classified here before it can ship.
import type { Operation } from './openapi.js';

export interface MatrixActor {
  username: string;
  roles: readonly string[];
  organisationId: string;
  organisationKind: string;
  region: string | null;
}

export interface CaseFacts {
  id: string;
  region: string;
  referringOrgId: string | null;
  /** Organisations with an active share of the case. */
  sharedWith: readonly string[];
  /** Regions holding a case of the same person (the access report's scope). */
  personRegions: readonly string[];
}

/** What a call must answer. */
export type Expect =
  | { kind: 'skip'; why: string } // an allowed write: proven by the module's own tests, not repeated here
  | { kind: 'ok' } // 2xx
  | { kind: 'visible' } // 200, or 403 for a part the access level does not cover
  | { kind: 'not-found' } // exactly 404: a denied read looks like a missing record
  | { kind: 'refused' } // 401, 403 or 404: never 2xx
  | { kind: 'no-server-error' }; // anything but 5xx (aggregate statistics), plus the leak check

export type Target = 'none' | 'case' | 'child' | 'person' | 'task' | 'group';

export interface Family {
  name: string;
  match: RegExp;
  target: Target;
  expect: (op: Operation, a: MatrixActor, c: CaseFacts | null, groupRegion: string | null) => Expect;
}

const has = (a: MatrixActor, role: string) => a.roles.includes(role);
export const coordinates = (a: MatrixActor, region: string | null) =>
  has(a, 'coordinator') && a.organisationKind === 'regional_coordination' && region !== null && a.region === region;

/** The case scope, restated from docs/ARCHITECTURE.md ("Case visibility is one mechanism"). */
export function inCaseScope(a: MatrixActor, c: CaseFacts): boolean {
  if (coordinates(a, c.region)) return true;
  if (has(a, 'first_responder') && c.referringOrgId === a.organisationId) return true;
  return (has(a, 'social_services') || has(a, 'partner')) && c.sharedWith.includes(a.organisationId);
}

/** Case writes that belong to the region's coordinator alone ("coordinate" and "update"). */
const COORDINATOR_ONLY = /^(PATCH \/api\/v1\/cases\/\{id\}|POST \/api\/v1\/cases\/\{id\}\/(transfer|start-assessment|assessments|reassess|start-support|close|reopen|assign|support-plan|consents|referrals))$/;

const SKIP_ALLOWED: Expect = { kind: 'skip', why: 'allowed write' };
const byRole = (allowed: boolean, op: Operation): Expect => (!allowed ? { kind: 'refused' } : op.method === 'GET' ? { kind: 'ok' } : SKIP_ALLOWED);

function caseRule(op: Operation, a: MatrixActor, c: CaseFacts | null): Expect {
  if (!c) throw new Error(`${op.key}: no case`);
  if (!inCaseScope(a, c)) return op.method === 'GET' ? { kind: 'not-found' } : { kind: 'refused' };
  if (op.method === 'GET') return coordinates(a, c.region) ? { kind: 'ok' } : { kind: 'visible' };
  if (COORDINATOR_ONLY.test(op.key) && !coordinates(a, c.region)) return { kind: 'refused' };
  return SKIP_ALLOWED;
}

const CASE_LEVEL_STATISTICS = /^(POST \/api\/v1\/statistics\/(import|series\/import)|GET \/api\/v1\/statistics\/(cases|htcds)\/export)$/;

export const FAMILIES: Family[] = [
  { name: 'sign-in', match: /^\w+ \/api\/v1\/auth\//, target: 'none', expect: () => ({ kind: 'skip', why: 'public sign-in routes (server/auth/auth.test.ts)' }) },
  { name: 'case record', match: /^\w+ \/api\/v1\/cases\/\{id\}/, target: 'case', expect: caseRule },
  // A case note by the region's coordinator: read by those who see the whole case (the region's
  // coordinators, social services with an assignment); to everyone else it does not exist.
  {
    name: 'case note',
    match: /^GET \/api\/v1\/notes\/\{id\}$/,
    target: 'child',
    expect: (_op, a, c) => (c && (coordinates(a, c.region) || (has(a, 'social_services') && c.sharedWith.includes(a.organisationId))) ? { kind: 'ok' } : { kind: 'not-found' }),
  },
  { name: 'case child record', match: /^\w+ \/api\/v1\/(referrals|permits|police-reports|nsp|amp|compensation)\/\{id\}/, target: 'child', expect: caseRule },
  {
    name: 'access report',
    match: /^GET \/api\/v1\/persons\/\{id\}\/access-report$/,
    target: 'person',
    expect: (_op, a, c) => (c!.personRegions.some((r) => coordinates(a, r)) ? { kind: 'ok' } : { kind: 'not-found' }),
  },
  {
    name: 'person check',
    match: /^POST \/api\/v1\/persons\/check$/,
    target: 'none',
    expect: (op, a) => byRole(has(a, 'first_responder') || has(a, 'coordinator'), op),
  },
  {
    name: 'privacy-preserving matching',
    match: /^POST \/api\/v1\/persons\/pprl\/match$/,
    target: 'none',
    expect: (op, a) => byRole(['first_responder', 'partner', 'social_services', 'coordinator'].some((r) => has(a, r)), op),
  },
  // Match candidates and merges belong to the regions' coordinators; the ids here are unknown
  // ones (no pair exists), so a coordinator's answer is a 404 and everyone else's a refusal.
  {
    name: 'match review',
    match: /^(GET|POST) \/api\/v1\/persons\/(candidates|merges)(\/\{id\}(\/[\w-]+)?)?$/,
    target: 'none',
    expect: (op, a) => (coordinates(a, a.region) ? (op.path.includes('{id}') ? { kind: 'no-server-error' } : { kind: 'ok' }) : { kind: 'refused' }),
  },
  { name: 'case list', match: /^GET \/api\/v1\/cases$/, target: 'none', expect: (op, a) => byRole(['coordinator', 'first_responder', 'social_services', 'partner'].some((r) => has(a, r)), op) },
  { name: 'referral', match: /^POST \/api\/v1\/cases$/, target: 'none', expect: (op, a) => byRole(has(a, 'first_responder') || has(a, 'coordinator'), op) },
  { name: 'inbox', match: /^GET \/api\/v1\/inbox$/, target: 'none', expect: (op, a) => byRole(['partner', 'social_services', 'coordinator'].some((r) => has(a, r)), op) },
  { name: 'task list', match: /^GET \/api\/v1\/tasks$/, target: 'none', expect: () => ({ kind: 'ok' }) },
  {
    name: 'task',
    match: /^POST \/api\/v1\/tasks\/\{id\}\/complete$/,
    target: 'task',
    expect: (_op, a, c) => (c && coordinates(a, c.region) ? SKIP_ALLOWED : { kind: 'refused' }),
  },
  { name: 'group list and creation', match: /^(GET|POST) \/api\/v1\/groups$/, target: 'none', expect: (op, a) => byRole(has(a, 'coordinator'), op) },
  {
    name: 'group',
    match: /^\w+ \/api\/v1\/groups\/\{id\}/,
    target: 'group',
    expect: (op, a, _c, region) => (coordinates(a, region) ? (op.method === 'GET' ? { kind: 'ok' } : SKIP_ALLOWED) : { kind: 'refused' }),
  },
  {
    name: 'anonymous notifications',
    match: /^(GET|POST) \/api\/v1\/notifications\/anonymous$/,
    target: 'none',
    expect: (op, a) => byRole(op.method === 'GET' ? has(a, 'national_analyst') || has(a, 'coordinator') : has(a, 'first_responder') || has(a, 'coordinator'), op),
  },
  { name: 'organisations', match: /^\w+ \/api\/v1\/organisations$/, target: 'none', expect: (op, a) => (op.method === 'GET' ? { kind: 'ok' } : byRole(has(a, 'admin'), op)) },
  { name: 'users', match: /^\w+ \/api\/v1\/users(\/|$)/, target: 'none', expect: (op, a) => byRole(has(a, 'admin'), op) },
  { name: 'audit trail', match: /^GET \/api\/v1\/audit(\/verify|\/identity-grants)?$/, target: 'none', expect: (op, a) => byRole(has(a, 'auditor'), op) },
  { name: 'reference data', match: /^GET \/api\/v1\/reference\//, target: 'none', expect: () => ({ kind: 'ok' }) },
  { name: 'case-level statistics', match: CASE_LEVEL_STATISTICS, target: 'none', expect: (op, a) => byRole(has(a, 'national_analyst'), op) },
  { name: 'aggregate statistics', match: /^GET \/api\/v1\/statistics\//, target: 'none', expect: () => ({ kind: 'no-server-error' }) },
];

export function familyOf(op: Operation): Family | undefined {
  return FAMILIES.find((f) => f.match.test(op.key));
}
