// Where a case stands in the process (DOMAIN.md §3), and why it was closed. The allowed moves
// between statuses belong to the case module, not to this list.
import type { CodeEntry } from './codelist.js';

export const CASE_STATUSES = [
  { code: 'received', sv: 'inkommen', en: 'received' },
  { code: 'under_assessment', sv: 'under bedömning', en: 'under assessment' },
  // "Identified" is what the statistics count: the coordinator's assessment, not a court's finding.
  { code: 'reason_to_assume', sv: 'anledning att anta (identifierad)', en: 'reason to assume (identified)' },
  { code: 'no_reason_to_assume', sv: 'ej anledning att anta', en: 'no reason to assume' },
  { code: 'support_ongoing', sv: 'stöd pågår', en: 'support ongoing' },
  { code: 'closed', sv: 'avslutad', en: 'closed' },
] as const satisfies readonly CodeEntry[];

export type CaseStatus = (typeof CASE_STATUSES)[number]['code'];

export const CLOSURE_REASONS = [
  { code: 'returned_home', sv: 'återvänt till hemlandet', en: 'returned home' },
  { code: 'left_support', sv: 'lämnat stödet', en: 'left support' },
  { code: 'support_ended', sv: 'stödet avslutat', en: 'support ended' },
  { code: 'moved_region', sv: 'flyttat till annan polisregion', en: 'moved to another police region' },
  { code: 'no_contact', sv: 'ingen kontakt', en: 'contact lost' },
  { code: 'deceased', sv: 'avliden', en: 'deceased' },
  { code: 'other', sv: 'annat', en: 'other' },
] as const satisfies readonly CodeEntry[];

export type ClosureReason = (typeof CLOSURE_REASONS)[number]['code'];
