// Residence permits for presumed victims (Aliens Act ch. 5 § 15): the reflection period
// (30 days from the Migration Agency's decision, extensions possible) and the witness permit
// (bevisperson) for someone needed in an investigation or trial.
import type { CodeEntry } from '../codelists/codelist.js';

export const PERMIT_KINDS = [
  { code: 'reflection', sv: 'betänketid', en: 'reflection period' },
  { code: 'witness', sv: 'bevisperson', en: 'witness permit' },
] as const satisfies readonly CodeEntry[];
export type PermitKind = (typeof PERMIT_KINDS)[number]['code'];

export const PERMIT_APPLICANTS = [
  { code: 'social_welfare_board', sv: 'socialnämnd', en: 'social welfare board' },
  { code: 'police', sv: 'polis (förundersökningsledare)', en: 'police (pre-trial investigation leader)' },
  { code: 'prosecution', sv: 'åklagare', en: 'prosecutor' },
] as const satisfies readonly CodeEntry[];
export type PermitApplicant = (typeof PERMIT_APPLICANTS)[number]['code'];

export const REFLECTION_DAYS = 30;
export const REFLECTION_REMINDER_DAY = 25;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Valid from the decision day through day 30: the last valid day is decision + 29. */
export function reflectionValidUntil(decidedOn: string, days = REFLECTION_DAYS): string {
  return addDays(decidedOn, days - 1);
}

export interface PermitState {
  kind: PermitKind;
  decision: 'pending' | 'granted' | 'refused' | 'withdrawn';
  validUntil: string | null;
}

/** Pending, or granted and still valid on `today`: such an application blocks a second one. */
export function isActive(p: PermitState, today: string): boolean {
  if (p.decision === 'pending') return true;
  return p.decision === 'granted' && p.validUntil !== null && p.validUntil >= today;
}

/** Day of the reflection period, 1-based, or null outside it. */
export function reflectionDay(validFrom: string | null, validUntil: string | null, today: string): number | null {
  if (!validFrom || !validUntil || today < validFrom || today > validUntil) return null;
  return daysBetween(validFrom, today) + 1;
}
