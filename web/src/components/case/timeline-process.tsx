// Names and details of the referral mechanism's timeline events (assessment, referrals, consent,
// permits, police reports, support, groups), for the case timeline.
import type { TFunction } from 'i18next';
import { CLOSURE_REASONS } from '../../../../domain/index.js';
import { CONSENT_STATUSES, REFERRAL_PURPOSES } from '../../../../domain/process/referral-purposes.js';
import { CLASSIFICATIONS } from '../../../../domain/process/criminal-process.js';
import { PERMIT_KINDS } from '../../../../domain/process/permits.js';
import type { TimelineEvent } from '../../api-types.js';
import type { Labels } from '../../hooks/use-labels.js';
import { formatDate } from '../../format.js';

const KINDS = {
  assessment_started: 'timeline.assessmentStarted',
  reassessment_opened: 'timeline.reassessmentOpened',
  support_started: 'timeline.supportStarted',
  closed: 'timeline.closed',
  reopened: 'timeline.reopened',
  assigned: 'timeline.assigned',
  consent_recorded: 'timeline.consentRecorded',
  referral_sent: 'timeline.referralSent',
  referral_accepted: 'timeline.referralAccepted',
  referral_declined: 'timeline.referralDeclined',
  referral_completed: 'timeline.referralCompleted',
  referral_withdrawn: 'timeline.referralWithdrawn',
  referral_basis_changed: 'timeline.referralBasisChanged',
  permit_applied: 'timeline.permitApplied',
  permit_decided: 'timeline.permitDecided',
  permit_extended: 'timeline.permitExtended',
  permit_withdrawn: 'timeline.permitWithdrawn',
  police_report_recorded: 'timeline.policeReportRecorded',
  police_report_updated: 'timeline.policeReportUpdated',
  support_plan: 'timeline.supportPlan',
  nsp_enrolled: 'timeline.nspEnrolled',
  nsp_updated: 'timeline.nspUpdated',
  amp_applied: 'timeline.ampApplied',
  amp_updated: 'timeline.ampUpdated',
  compensation_filed: 'timeline.compensationFiled',
  compensation_updated: 'timeline.compensationUpdated',
  group_joined: 'timeline.groupJoined',
  person_merged: 'persons.timelineMerged',
  person_unmerged: 'persons.timelineUnmerged',
} as const;

export function processKindLabel(kind: string, t: TFunction): string | null {
  return kind in KINDS ? t(KINDS[kind as keyof typeof KINDS]) : null;
}

function str(d: Record<string, unknown>, key: string): string {
  const v = d[key];
  return typeof v === 'string' ? v : '';
}

/** One line about the event, or null when its data says nothing more than its name. */
export function processEventDetail(event: TimelineEvent, t: TFunction, labels: Labels): string | null {
  const d = event.data;
  const purpose = str(d, 'purpose') ? labels.cap(REFERRAL_PURPOSES, str(d, 'purpose')) : '';
  switch (event.kind) {
    case 'closed':
      return t('timeline.closedDetail', { date: formatDate(str(d, 'closedOn')), reason: labels.label(CLOSURE_REASONS, str(d, 'reason')) });
    case 'assigned':
      return str(d, 'name') ? t('timeline.assignedDetail', { name: str(d, 'name') }) : t('timeline.unassignedDetail');
    case 'referral_sent':
      return t('timeline.referralSentDetail', { purpose, recipient: str(d, 'toOrgName'), date: formatDate(str(d, 'respondBy')) });
    case 'referral_accepted':
    case 'referral_declined':
    case 'referral_completed':
    case 'referral_withdrawn':
      return purpose || null;
    case 'consent_recorded':
      return [purpose, str(d, 'status') ? labels.label(CONSENT_STATUSES, str(d, 'status')) : ''].filter(Boolean).join(': ') || null;
    case 'permit_applied':
    case 'permit_decided':
    case 'permit_extended':
    case 'permit_withdrawn':
      return str(d, 'kind') ? labels.cap(PERMIT_KINDS, str(d, 'kind')) : null;
    case 'police_report_recorded':
      return str(d, 'classification') ? labels.cap(CLASSIFICATIONS, str(d, 'classification')) : null;
    case 'group_joined':
      return str(d, 'groupName') || null;
    default:
      return null;
  }
}
