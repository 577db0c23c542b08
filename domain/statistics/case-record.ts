// The case interchange format's columns and its normalised record (see case-csv.ts).
import type { ImportIssue } from './import-issues.js';
import type { AgeGroup, Sex } from '../codelists/sex-age.js';
import type { ExploitationForm } from '../codelists/exploitation-forms.js';
import type { PoliceRegion } from '../codelists/police-regions.js';
import type { ReferralSource } from '../codelists/referral-sources.js';
import type { LabourSector } from './labour-sectors.js';

export const CASE_COLUMNS = [
  'case_ref', 'person_ref', 'region', 'municipality_code', 'referred_on', 'referral_source', 'assessed_on',
  'assessment', 'sex', 'age_group', 'birth_year', 'citizenship', 'exploitation_forms', 'labour_sector',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

export const ASSESSMENT_VALUES = ['reason_to_assume', 'no_reason_to_assume', 'pending'] as const;
export type AssessmentValue = (typeof ASSESSMENT_VALUES)[number];

/** One case as the interchange format carries it, normalised. */
export interface CaseRecord {
  caseRef: string;
  personRef: string;
  region: PoliceRegion;
  municipalityCode: string | null;
  referredOn: string;
  referralSource: ReferralSource;
  assessedOn: string | null;
  assessment: AssessmentValue;
  sex: Sex;
  /** As stated in the file; null when the file leaves it to be derived from birth_year. */
  ageGroup: AgeGroup | null;
  birthYear: number | null;
  citizenships: string[];
  /** Distinct, in codelist order. */
  forms: ExploitationForm[];
  labourSector: LabourSector | null;
}

/** A problem in a case file: line, column, value, a stable code with parameters, the English message. */
export type CaseRowError = ImportIssue<CaseColumn | null>;
