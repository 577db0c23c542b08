// Which values are encrypted at rest (docs/security.md#encryption-at-rest). Each name is the
// associated data its values are sealed with, so a value only opens in its own column.
import { open, openOrLegacy, seal, type Sealed } from './field-cipher.js';
import type { Keyring } from './keyring.js';

export const FIELD = {
  givenNames: 'persons.given_names',
  familyNames: 'persons.family_names',
  aliases: 'persons.aliases',
  caseSummary: 'cases.summary',
  assessmentReasons: 'assessments.reasons',
  consentNote: 'consents.note',
  referralMessage: 'referrals.message',
  referralDeclineReason: 'referrals.decline_reason',
  referralWithdrawReason: 'referrals.withdraw_reason',
  permitNote: 'permit_applications.note',
  policeRef: 'police_reports.police_ref',
  supportPlan: 'support_plans.plan',
  groupEmployer: 'case_groups.employer',
  groupInspection: 'case_groups.inspection',
  groupNotes: 'case_groups.notes',
  totpSecret: 'users.totp_secret',
} as const;

/** System codes kept plain in a column that otherwise holds free text. */
export const WITHDRAW_REASON_CODES = ['consent_withdrawn'] as const;

/** Keys of case_events.data that hold free text on every kind of event. */
export const EVENT_FREE_TEXT_KEYS = ['text', 'note', 'message', 'reasons', 'declineReason', 'withdrawReason'] as const;
/** Event kinds whose `reason` is free text (elsewhere it is a code, e.g. a closure reason). */
export const EVENT_FREE_TEXT_REASON_KINDS = ['transferred', 'reassessment_opened', 'reopened'] as const;

export const eventField = (key: string) => `case_events.data.${key}`;

function isFreeTextKey(kind: string, key: string): boolean {
  return (EVENT_FREE_TEXT_KEYS as readonly string[]).includes(key) || (key === 'reason' && (EVENT_FREE_TEXT_REASON_KINDS as readonly string[]).includes(kind));
}

/** A timeline event's data with its free texts sealed. */
export function sealEventData(kind: string, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && isFreeTextKey(kind, key)) out[key] = seal(eventField(key), value);
  }
  return out;
}

/** A stored event's data with its free texts opened (jsonb may arrive as text from some drivers). */
export function openEventData(kind: string, stored: unknown): Record<string, unknown> {
  const data = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object') return {};
  const out: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && isFreeTextKey(kind, key)) out[key] = open(eventField(key), value);
  }
  return out;
}

/** For the re-encryption pass: every free text of the data under the current key; null when nothing changes. */
export function resealEventData(kind: string, data: Record<string, unknown>, keyring: Keyring): Record<string, unknown> | null {
  let changed = false;
  const out: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || value === '' || !isFreeTextKey(kind, key)) continue;
    if (value.startsWith(`enc:v1:${keyring.currentKid}:`)) continue;
    out[key] = seal(eventField(key), openOrLegacy(eventField(key), value, keyring), keyring);
    changed = true;
  }
  return changed ? out : null;
}

export type { Sealed };
