// The criminal process (DOMAIN.md §4–5): classifications of police reports, and which of them
// give the person no injured-party status (målsägande). Cases reported only under such a
// classification are flagged: the victim then has no right to damages in the criminal case.
import type { CodeEntry } from '../codelists/codelist.js';

export interface Classification extends CodeEntry {
  /** Whether the exploited person is normally the injured party of this crime. */
  injuredParty: boolean;
}

export const CLASSIFICATIONS = [
  { code: 'trafficking', sv: 'människohandel (4:1 a BrB)', en: 'trafficking (ch. 4 § 1a)', injuredParty: true },
  { code: 'exploitation', sv: 'människoexploatering (4:1 b BrB)', en: 'exploitation (ch. 4 § 1b)', injuredParty: true },
  { code: 'gross_exploitation', sv: 'grov människoexploatering', en: 'gross exploitation', injuredParty: true },
  { code: 'purchase_of_sexual_act', sv: 'köp av sexuell handling (6:11 BrB)', en: 'purchase of a sexual act (ch. 6 § 11)', injuredParty: false },
  { code: 'procuring', sv: 'koppleri (6:12 BrB)', en: 'procuring (ch. 6 § 12)', injuredParty: false },
  { code: 'child_purchase_offence', sv: 'utnyttjande av barn genom köp av sexuell handling (6:9 BrB)', en: 'exploiting a child by purchase of a sexual act (ch. 6 § 9)', injuredParty: true },
  { code: 'unlawful_use_of_services', sv: 'olaga tjänsteutnyttjande', en: 'unlawful use of services (from 2027)', injuredParty: true },
  { code: 'fraud', sv: 'bedrägeri', en: 'fraud', injuredParty: true },
  { code: 'unlawful_threat', sv: 'olaga hot', en: 'unlawful threat', injuredParty: true },
  { code: 'assault', sv: 'misshandel', en: 'assault', injuredParty: true },
  { code: 'human_smuggling', sv: 'människosmuggling', en: 'human smuggling', injuredParty: false },
] as const satisfies readonly Classification[];
export type ClassificationCode = (typeof CLASSIFICATIONS)[number]['code'];

export function givesInjuredPartyStatus(code: string): boolean {
  return CLASSIFICATIONS.find((c) => c.code === code)?.injuredParty ?? false;
}

/** True when there are reports and none of them gives injured-party status. */
export function lacksInjuredPartyStatus(classifications: readonly string[]): boolean {
  return classifications.length > 0 && !classifications.some(givesInjuredPartyStatus);
}

export const PROSECUTION_DECISIONS = [
  { code: 'pending', sv: 'ej beslutat', en: 'pending' },
  { code: 'prosecuted', sv: 'åtal väckt', en: 'prosecuted' },
  { code: 'not_prosecuted', sv: 'åtal ej väckt / nedlagd', en: 'not prosecuted / discontinued' },
  { code: 'summary_penalty', sv: 'strafföreläggande', en: 'summary penalty' },
] as const satisfies readonly CodeEntry[];

export const JUDGMENT_OUTCOMES = [
  { code: 'convicted', sv: 'fällande dom', en: 'convicted' },
  { code: 'convicted_lesser', sv: 'fälld för lindrigare brott', en: 'convicted of a lesser offence' },
  { code: 'acquitted', sv: 'frikänd', en: 'acquitted' },
] as const satisfies readonly CodeEntry[];
