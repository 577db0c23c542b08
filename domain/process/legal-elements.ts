// The legal elements assessed (DOMAIN.md §4): trafficking, Penal Code ch. 4 § 1a (act, improper
// means, purpose) and exploitation, ch. 4 § 1b (exploitation for forced labour, manifestly
// unreasonable conditions or begging, by coercion, deception or exploiting vulnerability).
// For a child (under 18) no improper means are required for trafficking (§ 1a second paragraph;
// Palermo Protocol art. 3(c)).
import type { CodeEntry } from '../codelists/codelist.js';

export const LEGAL_BASES = [
  { code: 'trafficking_4_1a', sv: 'människohandel (4 kap. 1 a § BrB)', en: 'trafficking (Penal Code ch. 4 § 1a)' },
  { code: 'exploitation_4_1b', sv: 'människoexploatering (4 kap. 1 b § BrB)', en: 'exploitation (Penal Code ch. 4 § 1b)' },
] as const satisfies readonly CodeEntry[];
export type LegalBasis = (typeof LEGAL_BASES)[number]['code'];

export const ACTS = [
  { code: 'recruiting', sv: 'rekryterar', en: 'recruiting' },
  { code: 'transporting', sv: 'transporterar', en: 'transporting' },
  { code: 'transferring', sv: 'överför', en: 'transferring' },
  { code: 'harbouring', sv: 'inhyser', en: 'harbouring' },
  { code: 'receiving', sv: 'tar emot', en: 'receiving' },
  { code: 'exercising_control', sv: 'tar kontroll över personen', en: 'taking control over the person' },
] as const satisfies readonly CodeEntry[];
export type Act = (typeof ACTS)[number]['code'];

export const MEANS = [
  { code: 'unlawful_coercion', sv: 'olaga tvång', en: 'unlawful coercion' },
  { code: 'deception', sv: 'vilseledande', en: 'deception' },
  { code: 'exploiting_vulnerability', sv: 'utnyttjande av någons utsatta belägenhet', en: "exploiting someone's vulnerable situation" },
  { code: 'threats_violence', sv: 'hot eller våld', en: 'threats or violence' },
  { code: 'abduction', sv: 'bortförande', en: 'abduction' },
  { code: 'other_improper_means', sv: 'annat otillbörligt medel', en: 'other improper means' },
] as const satisfies readonly CodeEntry[];
export type Means = (typeof MEANS)[number]['code'];

/** Means that § 1b (exploitation) accepts. */
export const EXPLOITATION_MEANS: readonly Means[] = ['unlawful_coercion', 'deception', 'exploiting_vulnerability'];

export const PURPOSES = [
  { code: 'sexual_purposes', sv: 'sexuella ändamål', en: 'sexual purposes' },
  { code: 'organ_removal', sv: 'avlägsnande av organ', en: 'removal of organs' },
  { code: 'military_service', sv: 'krigstjänst', en: 'military service' },
  { code: 'forced_labour', sv: 'tvångsarbete', en: 'forced labour' },
  { code: 'other_distress_activity', sv: 'annan verksamhet i en situation som innebär nödläge', en: 'other activity in a situation of distress' },
  { code: 'unreasonable_conditions', sv: 'arbete under uppenbart orimliga villkor', en: 'labour under manifestly unreasonable conditions' },
  { code: 'begging', sv: 'tiggeri', en: 'begging' },
] as const satisfies readonly CodeEntry[];
export type Purpose = (typeof PURPOSES)[number]['code'];

/** Purposes that § 1b (exploitation) covers. */
export const EXPLOITATION_PURPOSES: readonly Purpose[] = ['forced_labour', 'unreasonable_conditions', 'begging'];

export interface ElementsInput {
  legalBasis: LegalBasis | null;
  decision: 'reason_to_assume' | 'no_reason_to_assume';
  acts: readonly string[];
  means: readonly string[];
  purposes: readonly string[];
  isChild: boolean | null;
}

export interface ElementIssue {
  path: 'legalBasis' | 'acts' | 'means' | 'purposes';
  message: string;
}

/** Whether improper means must be shown: not for a child under § 1a. */
export function meansRequired(basis: LegalBasis | null, isChild: boolean | null): boolean {
  return !(basis === 'trafficking_4_1a' && isChild === true);
}

/**
 * The elements a "reason to assume" decision must rest on. A negative decision needs no
 * elements. Age unknown counts as adult here: the child rule lowers the bar, so it applies
 * only when the person is known or estimated to be a child.
 */
export function checkElements(e: ElementsInput): ElementIssue[] {
  if (e.decision !== 'reason_to_assume') return [];
  const issues: ElementIssue[] = [];
  if (!e.legalBasis) return [{ path: 'legalBasis', message: 'choose trafficking (§ 1a) or exploitation (§ 1b)' }];
  if (e.legalBasis === 'trafficking_4_1a') {
    if (e.acts.length === 0) issues.push({ path: 'acts', message: 'trafficking needs at least one act (recruiting, transporting, …)' });
    if (e.purposes.length === 0) issues.push({ path: 'purposes', message: 'trafficking needs a purpose of exploitation' });
    if (meansRequired(e.legalBasis, e.isChild) && e.means.length === 0) {
      issues.push({ path: 'means', message: 'an adult needs at least one improper means (none is required for a child under 18)' });
    }
  } else {
    const purposes = e.purposes.filter((p) => (EXPLOITATION_PURPOSES as readonly string[]).includes(p));
    if (purposes.length === 0) issues.push({ path: 'purposes', message: 'exploitation (§ 1b) covers forced labour, manifestly unreasonable conditions or begging' });
    if (!e.means.some((m) => (EXPLOITATION_MEANS as readonly string[]).includes(m))) {
      issues.push({ path: 'means', message: 'exploitation (§ 1b) needs coercion, deception or exploiting a vulnerable situation' });
    }
  }
  return issues;
}
