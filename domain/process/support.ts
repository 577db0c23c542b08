// Support programmes and compensation (DOMAIN.md §2–3): NSP support types, ÅMP decisions and
// follow-ups, compensation claims, support-plan needs, closure follows from them.
import type { CodeEntry } from '../codelists/codelist.js';
import { addDays } from './permits.js';

export const NSP_SUPPORT_TYPES = [
  { code: 'acute_basic_needs', sv: 'akuta basbehov', en: 'acute basic needs' },
  { code: 'protected_housing', sv: 'skyddat boende', en: 'protected housing' },
  { code: 'counselling', sv: 'samtalsstöd', en: 'counselling' },
  { code: 'information', sv: 'information', en: 'information' },
  { code: 'legal_advice', sv: 'juridisk rådgivning', en: 'legal advice' },
  { code: 'authority_contacts', sv: 'kontakter med myndigheter', en: 'contacts with authorities' },
] as const satisfies readonly CodeEntry[];

export const SUPPORT_NEEDS = [
  { code: 'housing', sv: 'boende', en: 'housing' },
  { code: 'food', sv: 'mat och kläder', en: 'food and clothing' },
  { code: 'health_care', sv: 'hälso- och sjukvård', en: 'health care' },
  { code: 'interpreter', sv: 'tolk', en: 'interpreter' },
  { code: 'legal_advice', sv: 'juridisk rådgivning', en: 'legal advice' },
  { code: 'crime_victim_support', sv: 'brottsofferstöd', en: 'crime victim support' },
  { code: 'financial', sv: 'ekonomiskt bistånd', en: 'financial assistance' },
  { code: 'return', sv: 'återvändande', en: 'return' },
] as const satisfies readonly CodeEntry[];

export const AMP_DECISIONS = [
  { code: 'pending', sv: 'ej beslutat', en: 'pending' },
  { code: 'approved', sv: 'beviljad', en: 'approved' },
  { code: 'rejected', sv: 'avslagen', en: 'rejected' },
  { code: 'withdrawn', sv: 'återtagen', en: 'withdrawn' },
] as const satisfies readonly CodeEntry[];

/** ÅMP follow-ups: the first during or just after return, the second after all support (six months). */
export const AMP_FOLLOWUP1_DAYS = 30;
export const AMP_FOLLOWUP2_DAYS = 180;

export function ampFollowupsDue(returnedOn: string): { first: string; second: string } {
  return { first: addDays(returnedOn, AMP_FOLLOWUP1_DAYS), second: addDays(returnedOn, AMP_FOLLOWUP2_DAYS) };
}

export const COMPENSATION_KINDS = [
  { code: 'state_compensation', sv: 'brottsskadeersättning (Brottsoffermyndigheten)', en: 'state crime-victim compensation' },
  { code: 'unpaid_wages', sv: 'innestående lön (lag 2013:644)', en: 'unpaid wages (Act 2013:644)' },
  { code: 'damages', sv: 'skadestånd i brottmålet', en: 'damages in the criminal case' },
] as const satisfies readonly CodeEntry[];

export const COMPENSATION_DECISIONS = [
  { code: 'pending', sv: 'ej beslutat', en: 'pending' },
  { code: 'granted', sv: 'beviljad', en: 'granted' },
  { code: 'partly_granted', sv: 'delvis beviljad', en: 'partly granted' },
  { code: 'refused', sv: 'avslagen', en: 'refused' },
] as const satisfies readonly CodeEntry[];
