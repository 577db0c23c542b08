// Case-level export in IOM's Human Trafficking Case Data Standard (HTCDS) v2.0, one row per case,
// columns named by the standard's field names (domain/reference/htcds/). Codes come from the
// `htcds` field of each codelist entry; the other maps are here. Direct identifiers (names, birth
// date, identity numbers, free text) are never exported: age at assessment stands in for the
// birth date. Extension columns that HTCDS lacks are prefixed `lots_`.
//
// Mapping decisions:
// - vic_TraffickingStatus: a coordinator's "reason to assume" is PossibleVictimOfTrafficking
//   (a presumed victim: only a court establishes victim status in Sweden); "no reason to assume"
//   is NotAVictimOfTrafficking; a pending case leaves it blank.
// - vic_TraffickingStatusDecisionMakingOrg: NonPoliceGovernmentalOrganization — regional
//   coordinators are employed by municipal social services.
// - cas_Status: closed → Closed, or ClosedReferred when closed because the person moved to another
//   region; "no reason to assume" → Closed; everything else → Active.
// - org_Type: the category of the referring organisation (cas_ReferringOrganisation is a lookup
//   to an organisation whose org_Type this is); blank for own outreach and "other".
// - Several of our forms can map to the same HTCDS value (criminal and other → Other); the
//   multi-select lists each value once.
import { EXPLOITATION_FORMS } from '../codelists/exploitation-forms.js';
import { REFERRAL_SOURCES } from '../codelists/referral-sources.js';
import { SEXES } from '../codelists/sex-age.js';
import { POLICE_REGIONS } from '../codelists/police-regions.js';
import { writeCsv } from './csv.js';
import { LABOUR_SECTORS } from './labour-sectors.js';

export const HTCDS_COLUMNS = [
  'lots_CaseRef',
  'lots_Region',
  'cas_Status',
  'cas_IncomingReferralDate',
  'org_Type',
  'prs_Gender',
  'prs_Citizenship',
  'vic_TraffickingStatus',
  'vic_TraffickingStatusDecisionMakingOrg',
  'lots_AssessedOn',
  'vic_AgeWhenTrafficked',
  'vic_TypeOfExploitation',
  'vic_ForcedLabourIndustry',
] as const;

export interface HtcdsCase {
  ref: string;
  region: string;
  status: string;
  closureReason: string | null;
  referredOn: string;
  referralSource: string;
  sex: string;
  citizenships: string[];
  decision: string | null;
  assessedOn: string | null;
  ageAtAssessment: number | null;
  forms: string[];
  sector: string | null;
}

const lookup = (list: readonly { code: string; htcds?: string | null }[]) => new Map(list.map((e) => [e.code, e.htcds ?? '']));
const FORM = lookup(EXPLOITATION_FORMS);
const SEX = lookup(SEXES);
const SOURCE = lookup(REFERRAL_SOURCES);
const SECTOR = lookup(LABOUR_SECTORS);
const REGION = new Map<string, string>(POLICE_REGIONS.map((r) => [r.code, r.sv]));

export const TRAFFICKING_STATUS: Record<string, string> = {
  reason_to_assume: 'PossibleVictimOfTrafficking',
  no_reason_to_assume: 'NotAVictimOfTrafficking',
};

export function caseStatusToHtcds(status: string, closureReason: string | null): string {
  if (status === 'closed') return closureReason === 'moved_region' ? 'ClosedReferred' : 'Closed';
  if (status === 'no_reason_to_assume') return 'Closed';
  return 'Active';
}

export function htcdsRow(c: HtcdsCase): Record<(typeof HTCDS_COLUMNS)[number], string> {
  const decided = c.decision !== null && c.decision in TRAFFICKING_STATUS;
  return {
    lots_CaseRef: c.ref,
    lots_Region: REGION.get(c.region) ?? c.region,
    cas_Status: caseStatusToHtcds(c.status, c.closureReason),
    cas_IncomingReferralDate: c.referredOn,
    org_Type: SOURCE.get(c.referralSource) ?? '',
    prs_Gender: SEX.get(c.sex) ?? 'NonSpecifiedUnknown',
    prs_Citizenship: c.citizenships.join(';'),
    vic_TraffickingStatus: decided ? TRAFFICKING_STATUS[c.decision!]! : '',
    vic_TraffickingStatusDecisionMakingOrg: decided ? 'NonPoliceGovernmentalOrganization' : '',
    lots_AssessedOn: decided ? c.assessedOn ?? '' : '',
    vic_AgeWhenTrafficked: decided && c.ageAtAssessment !== null ? String(c.ageAtAssessment) : '',
    vic_TypeOfExploitation: [...new Set(c.forms.map((f) => FORM.get(f) ?? '').filter(Boolean))].join(';'),
    vic_ForcedLabourIndustry: c.sector ? SECTOR.get(c.sector) ?? '' : '',
  };
}

export function htcdsCsv(cases: readonly HtcdsCase[]): string {
  return writeCsv(HTCDS_COLUMNS, cases.map((c) => { const row = htcdsRow(c); return HTCDS_COLUMNS.map((k) => row[k]); }));
}
