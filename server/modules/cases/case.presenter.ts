// Shapes a case for the actor's access level: a referrer sees the status of what it sent,
// a partner sees only the fields its share names, the coordinator sees everything.
import type { CaseAbilities, CaseAccess } from '../../policies/case.policy.js';
import type { CaseDetailRow, findCasesInScope, caseTimeline } from './case.repository.js';

type ListRow = Awaited<ReturnType<typeof findCasesInScope>>['rows'][number];
type TimelineRow = Awaited<ReturnType<typeof caseTimeline>>[number];

/** Field groups a share can grant. */
export const SHAREABLE_FIELDS = ['person.name', 'person.birth', 'person.sex', 'person.citizenships', 'case.forms', 'case.summary'] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

const REFERRER_EVENT_KINDS = new Set(['referral_received', 'information_added', 'transferred', 'assessment_started', 'assessed', 'reassessment_opened', 'support_started', 'closed', 'reopened']);

/**
 * A referrer sees the status events of what it sent and its own additions; a partner sees only
 * events about referrals to its own organisation and what it did itself; full and assigned
 * access see the whole timeline.
 */
function eventVisible(e: TimelineRow, access: CaseAccess, actorOrgId: string | null): boolean {
  if (access === 'full' || access === 'assigned') return true;
  if (access === 'referrer') return REFERRER_EVENT_KINDS.has(e.kind) && (e.kind !== 'information_added' || e.actor_org_id === actorOrgId);
  const data = (e.data ?? {}) as { toOrgId?: unknown };
  return (actorOrgId !== null && e.actor_org_id === actorOrgId) || (actorOrgId !== null && data.toOrgId === actorOrgId);
}

/** `visible`: the person is not protected, or the actor is one of its named users. */
function personLabel(given: string, family: string, visible: boolean): string | null {
  if (!visible) return null;
  const label = `${given} ${family}`.trim();
  return label === '' ? null : label;
}

export function presentCaseListItem(r: ListRow) {
  return {
    id: r.id,
    ref: r.ref,
    status: r.status,
    region: r.region,
    municipalityCode: r.municipality_code,
    referralSource: r.referral_source,
    referredOn: r.referred_on,
    assessedOn: r.assessed_on,
    personLabel: personLabel(r.given_names, r.family_names, r.identity_visible === true),
    protectedIdentity: r.protected_identity,
    updatedAt: r.updated_at.toISOString(),
  };
}

export function presentCase(
  r: CaseDetailRow,
  access: CaseAccess,
  grantedFields: ReadonlySet<string>,
  abilities: CaseAbilities,
  timeline: TimelineRow[],
  actorOrgId: string | null,
) {
  const sees = (f: ShareableField) => access === 'full' || access === 'assigned' || (access === 'shared' && grantedFields.has(f));
  const seesName = sees('person.name') || access === 'referrer';
  const person = {
    id: r.person_id,
    protectedIdentity: r.protected_identity,
    // A protected identity: the real names for its named users only, the placeholder for everyone else.
    givenNames: seesName && r.identity_visible === true ? r.given_names : null,
    familyNames: seesName && r.identity_visible === true ? r.family_names : null,
    aliases: sees('person.name') && r.identity_visible === true ? r.aliases : [],
    sex: sees('person.sex') ? r.sex : null,
    birthDate: sees('person.birth') ? r.birth_date : null,
    birthYear: sees('person.birth') ? r.birth_year : null,
    estimatedAge: sees('person.birth') ? r.estimated_age : null,
    citizenships: sees('person.citizenships') ? r.citizenships : [],
    version: r.person_version,
  };
  const events = timeline
    .filter((e) => eventVisible(e, access, actorOrgId))
    .map((e) => ({
      id: Number(e.id),
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      actorName: e.actor_name,
      actorOrganisation: e.actor_org_name,
      data: (access === 'referrer' && e.kind !== 'information_added' ? {} : e.data) as Record<string, unknown>,
    }));
  return {
    id: r.id,
    ref: r.ref,
    status: r.status,
    region: r.region,
    municipalityCode: r.municipality_code,
    referralSource: r.referral_source,
    referredOn: r.referred_on,
    assessedOn: r.assessed_on,
    exploitationForms: sees('case.forms') ? r.exploitation_forms : [],
    summary: sees('case.summary') ? r.summary : null,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    access,
    person,
    timeline: events,
    abilities,
  };
}

export type CaseView = ReturnType<typeof presentCase>;
