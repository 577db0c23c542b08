// The published Tables 1 and 2 of the national coordinator's annual report for 2021–2024
// (DOMAIN.md §7), and a generator of synthetic per-person case records whose counts reproduce
// them exactly — the fixture the statistics tests check the whole pipeline against. Every
// record is invented; only the totals are real.
import { POLICE_REGIONS } from '../codelists/police-regions.js';
import { REFERRAL_SOURCES } from '../codelists/referral-sources.js';
import type { ExploitationForm } from '../codelists/exploitation-forms.js';
import type { AgeGroup, Sex } from '../codelists/sex-age.js';
import type { CaseRecord } from './case-record.js';

export const PUBLISHED_YEARS = [2021, 2022, 2023, 2024] as const;

/** Table 1: persons identified by form of exploitation (blank cells are 0). */
export const PUBLISHED_TABLE_1: Record<string, readonly number[]> = {
  sexual: [249, 174, 182, 166],
  labour: [145, 130, 189, 233],
  criminal: [10, 17, 16, 3],
  begging: [34, 16, 8, 2],
  domestic_work: [0, 6, 5, 6],
  forced_marriage: [8, 8, 8, 6],
  organ_removal: [0, 0, 1, 1],
  military_service: [1, 0, 0, 0],
  surrogacy: [0, 0, 0, 0],
  illegal_adoption: [0, 0, 0, 0],
  multiple: [27, 7, 3, 2],
  other: [0, 0, 1, 0],
  not_reported: [16, 17, 1, 11],
  total: [490, 375, 414, 430],
};

/** Table 2: the same persons by sex and age. */
export const PUBLISHED_TABLE_2: Record<string, readonly number[]> = {
  women: [289, 192, 234, 255],
  men: [142, 116, 139, 152],
  other_adult: [0, 2, 2, 0],
  unknown_adult: [5, 11, 4, 1],
  adults: [436, 321, 379, 408],
  girls: [32, 31, 13, 15],
  boys: [21, 23, 21, 7],
  other_child: [0, 0, 0, 0],
  unknown_child: [1, 0, 1, 0],
  children: [54, 54, 35, 22],
  total: [490, 375, 414, 430],
};

const SEX_OF: Record<string, [Sex, AgeGroup]> = {
  women: ['female', 'adult'], men: ['male', 'adult'], other_adult: ['other', 'adult'], unknown_adult: ['unknown', 'adult'],
  girls: ['female', 'child'], boys: ['male', 'child'], other_child: ['other', 'child'], unknown_child: ['unknown', 'child'],
};
const LEAVES_1 = Object.keys(PUBLISHED_TABLE_1).filter((k) => k !== 'total');
const LEAVES_2 = Object.keys(SEX_OF);
const CITIZENSHIPS = ['TH', 'RO', 'NG', 'UA', 'SE', 'BG', 'VN', 'PH', 'TR', 'CN'];

function expand(table: Record<string, readonly number[]>, leaves: string[], yi: number): string[] {
  return leaves.flatMap((code) => Array.from({ length: table[code]![yi]! }, () => code));
}

/**
 * Case records reproducing Tables 1 and 2: for each year, the form rows and the sex-and-age rows
 * are expanded to one entry per person and paired off. Adults alternate between a stated age
 * group, a birth year and no age at all (unknown age counts as adult); children state theirs.
 * Some persons get a second, earlier identification the same year, which must not count twice.
 */
export function publishedFixtureRecords(): CaseRecord[] {
  const out: CaseRecord[] = [];
  PUBLISHED_YEARS.forEach((year, yi) => {
    const forms = expand(PUBLISHED_TABLE_1, LEAVES_1, yi);
    const sexAge = expand(PUBLISHED_TABLE_2, LEAVES_2, yi);
    if (forms.length !== sexAge.length) throw new Error(`Tables 1 and 2 disagree for ${year}`);
    forms.forEach((formRow, i) => {
      const [sex, age] = SEX_OF[sexAge[i]!]!;
      const personRef = `P-${year}-${String(i).padStart(4, '0')}`;
      const month = String(1 + (i % 12)).padStart(2, '0');
      const f: ExploitationForm[] = formRow === 'multiple' ? ['sexual', 'labour'] : formRow === 'not_reported' ? [] : [formRow as ExploitationForm];
      const adultStyle = i % 3;
      const record: CaseRecord = {
        caseRef: `C-${year}-${String(i).padStart(4, '0')}`,
        personRef,
        region: POLICE_REGIONS[i % POLICE_REGIONS.length]!.code,
        municipalityCode: null,
        referredOn: `${year}-${month}-01`,
        referralSource: REFERRAL_SOURCES[i % REFERRAL_SOURCES.length]!.code,
        assessedOn: `${year}-${month}-15`,
        assessment: 'reason_to_assume',
        sex,
        ageGroup: age === 'child' ? 'child' : adultStyle === 0 ? 'adult' : null,
        birthYear: age === 'adult' && adultStyle === 1 ? year - 30 : null,
        citizenships: [CITIZENSHIPS[i % CITIZENSHIPS.length]!],
        forms: f,
        labourSector: f.includes('labour') ? (['A', 'F', 'I', 'S'] as const)[i % 4]! : null,
      };
      out.push(record);
      if (i % 25 === 0) {
        // An earlier identification of the same person that year, by another case: counts once.
        out.push({ ...record, caseRef: `${record.caseRef}-E`, referredOn: `${year}-${month}-01`, assessedOn: `${year}-${month}-02`, forms: ['other'], labourSector: null });
      }
    });
  });
  return out;
}
