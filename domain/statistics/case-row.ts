// Row rules of the case interchange CSV: each column's allowed values, dates that exist and come
// in order, and the rules across rows (a case_ref once per file; rows sharing a person_ref agree
// on the person). Every problem names the line, the column and what is allowed.
import { ageAt, isIsoDate } from '../age.js';
import { EXPLOITATION_FORMS, type ExploitationForm } from '../codelists/exploitation-forms.js';
import { POLICE_REGIONS, regionFromName } from '../codelists/police-regions.js';
import { REFERRAL_SOURCES, type ReferralSource } from '../codelists/referral-sources.js';
import { AGE_GROUPS, SEXES, type AgeGroup, type Sex } from '../codelists/sex-age.js';
import { isCountryCode } from '../codelists/countries.js';
import { municipalityByCode } from '../reference/municipalities.js';
import { ASSESSMENT_VALUES, type AssessmentValue, type CaseColumn, type CaseRecord, type CaseRowError } from './case-record.js';
import { LABOUR_SECTORS, isLabourSector, type LabourSector } from './labour-sectors.js';
import { importIssue, type ImportIssueCode, type IssueParams } from './import-issues.js';

const REF = /^[\p{L}\p{N}][\p{L}\p{N}._:/-]{0,63}$/u;
const FORM_ORDER = EXPLOITATION_FORMS.map((f) => f.code) as string[];
const codes = (list: readonly { code: string }[]) => list.map((e) => e.code);

export function validateCaseRow(get: (c: CaseColumn) => string, line: number, today: string): { record: CaseRecord } | { errors: CaseRowError[] } {
  const errors: CaseRowError[] = [];
  const err = (column: CaseColumn, code: ImportIssueCode, params?: IssueParams, allowed?: readonly string[]) => {
    errors.push(importIssue(line, column, code, { value: get(column), params, allowed }));
  };
  const oneOf = <T extends string>(column: CaseColumn, allowed: readonly T[], required: boolean): T | null => {
    const v = get(column);
    if (v === '') {
      if (required) err(column, 'required', undefined, allowed);
      return null;
    }
    if (!(allowed as readonly string[]).includes(v)) {
      err(column, 'not_allowed', undefined, allowed);
      return null;
    }
    return v as T;
  };
  const date = (column: CaseColumn, required: boolean): string | null => {
    const v = get(column);
    if (v === '') {
      if (required) err(column, 'date_required');
      return null;
    }
    if (!isIsoDate(v)) {
      err(column, 'invalid_date');
      return null;
    }
    if (v > today) {
      err(column, 'future_date', { today });
      return null;
    }
    return v;
  };
  const ref = (column: CaseColumn): string => {
    const v = get(column);
    if (!REF.test(v)) err(column, v === '' ? 'required' : 'invalid_ref');
    return v;
  };

  const caseRef = ref('case_ref');
  const personRef = ref('person_ref');

  // Region: named, or taken from the municipality; both given must agree.
  const regionText = get('region');
  const region = regionText === '' ? null : regionFromName(regionText);
  if (regionText !== '' && !region) err('region', 'unknown_region', undefined, POLICE_REGIONS.map((r) => r.sv));
  const muniText = get('municipality_code');
  const municipality = muniText === '' ? null : municipalityByCode(muniText);
  if (muniText !== '' && !municipality) err('municipality_code', 'unknown_municipality');
  if (regionText === '' && muniText === '') err('region', 'region_required', undefined, POLICE_REGIONS.map((r) => r.sv));
  if (region && municipality && municipality.region !== region) {
    err('municipality_code', 'municipality_in_other_region', { municipality: municipality.name, municipalityRegion: POLICE_REGIONS.find((r) => r.code === municipality.region)!.sv, region: regionText });
  }

  const referredOn = date('referred_on', true);
  const referralSource = oneOf<ReferralSource>('referral_source', codes(REFERRAL_SOURCES) as ReferralSource[], true);
  const assessment = oneOf<AssessmentValue>('assessment', ASSESSMENT_VALUES, true);
  const assessedOn = date('assessed_on', assessment !== null && assessment !== 'pending');
  if (assessment === 'pending' && get('assessed_on') !== '') err('assessed_on', 'blank_while_pending');
  if (assessedOn && referredOn && assessedOn < referredOn) err('assessed_on', 'assessed_before_referred', { referredOn });

  const sex = oneOf<Sex>('sex', codes(SEXES) as Sex[], true);
  const ageGroup = oneOf<AgeGroup>('age_group', codes(AGE_GROUPS) as AgeGroup[], false);
  const birthText = get('birth_year');
  let birthYear: number | null = null;
  if (birthText !== '') {
    const y = /^\d{4}$/.test(birthText) ? Number(birthText) : NaN;
    if (!(y >= 1900) || (referredOn && y > Number(referredOn.slice(0, 4)))) err('birth_year', 'invalid_birth_year');
    else birthYear = y;
  }
  const on = assessedOn ?? referredOn;
  if (birthYear !== null && ageGroup && on) {
    const years = ageAt({ birthYear }, on).years ?? 0;
    // The birth-year rule (1 July) can be a year off either way; beyond that it is a contradiction.
    if (ageGroup === 'unknown') err('age_group', 'unknown_age_with_birth_year', { birthYear });
    else if ((ageGroup === 'child' && years > 18) || (ageGroup === 'adult' && years < 17)) err('age_group', 'age_group_contradicts_birth_year', { birthYear, age: years, on });
  }

  const citizenships = list('citizenship', get, line, errors, (c) => (isCountryCode(c) ? c : null), 'invalid_country', (v) => v.toUpperCase());
  const forms = list('exploitation_forms', get, line, errors, (f) => (FORM_ORDER.includes(f) ? (f as ExploitationForm) : null), 'invalid_form', (v) => v, FORM_ORDER);
  forms?.sort((a, b) => FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b));
  const sectorText = get('labour_sector').toUpperCase();
  let labourSector: LabourSector | null = null;
  if (sectorText !== '') {
    if (isLabourSector(sectorText)) labourSector = sectorText;
    else err('labour_sector', 'not_allowed', undefined, codes(LABOUR_SECTORS));
  }

  if (errors.length > 0) return { errors };
  return {
    record: {
      caseRef,
      personRef,
      region: (region ?? municipality!.region),
      municipalityCode: municipality?.code ?? null,
      referredOn: referredOn!,
      referralSource: referralSource!,
      assessedOn,
      assessment: assessment!,
      sex: sex!,
      ageGroup,
      birthYear,
      citizenships: citizenships!,
      forms: forms!,
      labourSector,
    },
  };
}

function list<T extends string>(
  column: CaseColumn,
  get: (c: CaseColumn) => string,
  line: number,
  errors: CaseRowError[],
  parse: (v: string) => T | null,
  invalid: 'invalid_country' | 'invalid_form',
  normalise: (v: string) => string,
  allowed?: string[],
): T[] | null {
  const raw = get(column);
  if (raw === '') return [];
  const parts = raw.split(';').map((p) => normalise(p.trim()));
  const out: T[] = [];
  for (const p of parts) {
    const v = parse(p);
    if (!v) {
      errors.push(importIssue(line, column, invalid, { value: raw, params: { item: p }, allowed }));
      return null;
    }
    if (out.includes(v)) {
      errors.push(importIssue(line, column, 'listed_twice', { value: raw, params: { item: p } }));
      return null;
    }
    out.push(v);
  }
  return out;
}

/** A case_ref once per file; rows with the same person_ref agree on sex, birth year and citizenship. */
export function checkCrossRows(records: readonly (CaseRecord & { line: number })[]): CaseRowError[] {
  const errors: CaseRowError[] = [];
  const cases = new Map<string, number>();
  const persons = new Map<string, CaseRecord & { line: number }>();
  for (const r of records) {
    const seen = cases.get(r.caseRef);
    if (seen !== undefined) errors.push(importIssue(r.line, 'case_ref', 'duplicate_case_ref', { value: r.caseRef, params: { firstLine: seen } }));
    else cases.set(r.caseRef, r.line);
    const first = persons.get(r.personRef);
    if (!first) {
      persons.set(r.personRef, r);
      continue;
    }
    const clash = (column: CaseColumn, a: string, b: string) => {
      if (a !== b) errors.push(importIssue(r.line, column, 'person_disagrees', { value: b, params: { personRef: r.personRef, column, first: a, firstLine: first.line } }));
    };
    clash('sex', first.sex, r.sex);
    clash('birth_year', String(first.birthYear ?? ''), String(r.birthYear ?? ''));
    clash('citizenship', first.citizenships.join(';'), r.citizenships.join(';'));
  }
  return errors;
}
