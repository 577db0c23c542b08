// Synthetic historical case records for the demo (2021–2025) whose national Tables 1 and 2 are
// the published ones (DOMAIN.md §7): 2021–2024 from the annual reports, 2025 from the action plan
// 2026–2028 (total, sex and age, and labour, sexual and multiple exploitation by sex and age are
// published; the forms of the remaining 41 persons are invented). Every person is invented:
// no names, references starting DEMO-. Deterministic, so every demo database is the same.
//
// Each year, the form rows and the sex-and-age rows are crossed (`crossTab`: the published cells
// first, the rest allocated by a plausible prior, both margins kept exactly); each cell becomes
// persons with a region, referral source, citizenship, age evidence and sector drawn from weights.
// A few persons are identified twice in a year (an earlier case, which must not count twice),
// some again in a later year, and some cases are assessed "no reason to assume" (not counted).
import { addDays } from '../process/permits.js';
import type { ExploitationForm } from '../codelists/exploitation-forms.js';
import type { PoliceRegion } from '../codelists/police-regions.js';
import type { ReferralSource } from '../codelists/referral-sources.js';
import type { AgeGroup, Sex } from '../codelists/sex-age.js';
import type { CaseRecord } from './case-record.js';
import type { LabourSector } from './labour-sectors.js';
import { PUBLISHED_TABLE_1, PUBLISHED_TABLE_2, PUBLISHED_YEARS } from './published-tables.js';
import { prng } from './synthetic-records.js';

export const DEMO_HISTORY_YEARS = [...PUBLISHED_YEARS, 2025] as const;

const FORM_ROWS = Object.keys(PUBLISHED_TABLE_1).filter((k) => k !== 'total');
const SEX_AGE_ROWS = ['women', 'men', 'other_adult', 'unknown_adult', 'girls', 'boys', 'other_child', 'unknown_child'] as const;
type SexAgeCell = (typeof SEX_AGE_ROWS)[number];

/** 2025 as the action plan 2026–2028 gives it; forms of the persons it does not describe are invented. */
export const ACTION_PLAN_2025 = {
  form: {
    sexual: 81, labour: 318, criminal: 9, begging: 3, domestic_work: 5, forced_marriage: 7, organ_removal: 0, military_service: 0,
    surrogacy: 0, illegal_adoption: 0, multiple: 37, other: 1, not_reported: 20,
  } as Record<string, number>,
  sexAge: { women: 212, men: 251, other_adult: 0, unknown_adult: 1, girls: 8, boys: 9, other_child: 0, unknown_child: 0 } as Record<string, number>,
  /** Published cells: labour 318 (234 men, 81 women, 1 girl, 2 boys), sexual 81 (75 women, 4 men, 2 girls), multiple 37 (32 women, 3 men, 2 boys), girls in forced marriage 4. */
  fixed: [
    ['labour', 'men', 234], ['labour', 'women', 81], ['labour', 'girls', 1], ['labour', 'boys', 2],
    ['sexual', 'women', 75], ['sexual', 'men', 4], ['sexual', 'girls', 2],
    ['multiple', 'women', 32], ['multiple', 'men', 3], ['multiple', 'boys', 2],
    ['forced_marriage', 'girls', 4],
  ] as [string, string, number][],
};

/** Form × sex-and-age weights for the cells the sources do not publish (a plausible pattern, not data). */
const PRIOR: Record<string, Partial<Record<SexAgeCell, number>>> = {
  sexual: { women: 10, girls: 3, men: 1, boys: 0.5 },
  labour: { men: 6, women: 3, boys: 0.3, girls: 0.2 },
  criminal: { men: 3, boys: 2, women: 1, girls: 1 },
  begging: { women: 3, men: 3, girls: 0.5, boys: 0.5 },
  domestic_work: { women: 5, men: 1, girls: 1 },
  forced_marriage: { girls: 5, women: 3, boys: 0.5 },
  organ_removal: { men: 1, women: 1 },
  military_service: { boys: 2, men: 1 },
  multiple: { women: 3, men: 2, girls: 1, boys: 0.5 },
  other: { women: 1, men: 1 },
};
const priorOf = (form: string, cell: string) => PRIOR[form]?.[cell as SexAgeCell] ?? (form === 'not_reported' ? 1 : 0.2);

export type CrossTab = Map<string, Map<string, number>>;

/** Iterative proportional fitting: real cells proportional to `prior` whose sums are the margins. */
function fit(rows: Record<string, number>, cols: Record<string, number>, prior: (row: string, col: string) => number): Map<string, Map<string, number>> {
  const m = new Map(Object.keys(rows).map((r) => [r, new Map(Object.keys(cols).map((c) => [c, rows[r]! > 0 && cols[c]! > 0 ? prior(r, c) : 0]))]));
  for (let i = 0; i < 200; i++) {
    for (const [r, row] of m) {
      const s = [...row.values()].reduce((a, b) => a + b, 0);
      if (s > 0) for (const [c, v] of row) row.set(c, (v * rows[r]!) / s);
    }
    for (const c of Object.keys(cols)) {
      const s = [...m.values()].reduce((a, row) => a + row.get(c)!, 0);
      if (s > 0) for (const row of m.values()) row.set(c, (row.get(c)! * cols[c]!) / s);
    }
  }
  return m;
}

/**
 * A table of non-negative integers with exactly the given row and column sums: the fixed cells
 * first; the rest fitted to the prior (iterative proportional fitting), then rounded row by row,
 * largest row first (largest remainder, within each column's remaining capacity). The `last` row
 * takes what is left, which sums to its count because both margins have the same total.
 */
export function crossTab(rows: Record<string, number>, cols: Record<string, number>, prior: (row: string, col: string) => number, fixed: readonly [string, string, number][] = [], last?: string): CrossTab {
  const rowsLeft = { ...rows };
  const cap = { ...cols };
  const sum = (o: Record<string, number>) => Object.values(o).reduce((s, v) => s + v, 0);
  if (sum(rowsLeft) !== sum(cap)) throw new Error(`margins differ: rows ${sum(rowsLeft)}, columns ${sum(cap)}`);
  const out: CrossTab = new Map(Object.keys(rows).map((r) => [r, new Map(Object.keys(cols).map((c) => [c, 0]))]));
  const add = (r: string, c: string, n: number) => {
    if (n > (rowsLeft[r] ?? 0) || n > (cap[c] ?? 0)) throw new Error(`cell ${r}/${c} = ${n} exceeds a margin`);
    out.get(r)!.set(c, out.get(r)!.get(c)! + n);
    rowsLeft[r]! -= n;
    cap[c]! -= n;
  };
  for (const [r, c, n] of fixed) add(r, c, n);
  const fitted = fit(rowsLeft, cap, prior);
  const order = Object.keys(rows).filter((r) => r !== last).sort((a, b) => rowsLeft[b]! - rowsLeft[a]!);
  if (last !== undefined) order.push(last);
  order.forEach((r, i) => {
    const n = rowsLeft[r]!;
    if (n === 0) return;
    const colNames = Object.keys(cols).filter((c) => cap[c]! > 0);
    if (i === order.length - 1) {
      for (const c of colNames) add(r, c, cap[c]!);
      return;
    }
    let weights = colNames.map((c) => fitted.get(r)!.get(c)!);
    let total = weights.reduce((s, w) => s + w, 0);
    if (total === 0) {
      weights = colNames.map((c) => cap[c]!);
      total = weights.reduce((s, w) => s + w, 0);
    }
    const ideal = weights.map((w) => (n * w) / total);
    const take = ideal.map((x, k) => Math.min(Math.floor(x), cap[colNames[k]!]!));
    let short = n - take.reduce((s, v) => s + v, 0);
    // The rounding shortfall by largest fraction, then whatever the caps clipped by weight.
    const byFraction = colNames.map((_, k) => k).sort((a, b) => ideal[b]! - Math.floor(ideal[b]!) - (ideal[a]! - Math.floor(ideal[a]!)) || weights[b]! - weights[a]!);
    const byWeight = colNames.map((_, k) => k).sort((a, b) => weights[b]! - weights[a]!);
    for (const k of byFraction) {
      if (short > 0 && take[k]! < cap[colNames[k]!]!) {
        take[k]!++;
        short--;
      }
    }
    for (const k of byWeight) {
      const more = Math.min(cap[colNames[k]!]! - take[k]!, short);
      take[k]! += more;
      short -= more;
    }
    colNames.forEach((c, k) => add(r, c, take[k]!));
  });
  return out;
}

/** Published Table 1 × Table 2 of a demo year (2025: the action plan's figures). */
export function demoCrossTab(year: number): CrossTab {
  if (year === 2025) return crossTab(ACTION_PLAN_2025.form, ACTION_PLAN_2025.sexAge, priorOf, ACTION_PLAN_2025.fixed, 'not_reported');
  const yi = PUBLISHED_YEARS.indexOf(year as (typeof PUBLISHED_YEARS)[number]);
  if (yi < 0) throw new Error(`no published tables for ${year}`);
  const rows = Object.fromEntries(FORM_ROWS.map((f) => [f, PUBLISHED_TABLE_1[f]![yi]!]));
  const cols = Object.fromEntries(SEX_AGE_ROWS.map((s) => [s, PUBLISHED_TABLE_2[s]![yi]!]));
  return crossTab(rows, cols, priorOf, [], 'not_reported');
}

type Weights<T extends string> = readonly (readonly [T, number])[];

const REGIONS: Weights<PoliceRegion> = [['stockholm', 27], ['vast', 17], ['syd', 16], ['ost', 10], ['mitt', 10], ['bergslagen', 10], ['nord', 10]];
/** A municipality for some cases (the region then follows from it, as in a real file). */
const CITY: Partial<Record<PoliceRegion, string>> = { stockholm: '0180', vast: '1480', syd: '1280', ost: '0580', mitt: '0380', nord: '2480', bergslagen: '1880' };
const SOURCES: Weights<ReferralSource> = [
  ['civil_society', 20], ['police', 18], ['social_services', 15], ['migration_agency', 14], ['own_outreach', 6], ['support_phone', 5],
  ['health_care', 5], ['prosecution', 4], ['other', 3],
];
const CITIZENSHIP: Record<string, Weights<string>> = {
  sexual: [['RO', 20], ['NG', 12], ['TH', 10], ['SE', 10], ['UA', 6], ['BG', 6], ['HU', 4], ['CN', 3], ['VN', 2], ['CO', 2]],
  labour: [['TH', 15], ['UA', 10], ['RO', 10], ['PH', 8], ['VN', 8], ['BG', 6], ['PL', 5], ['MN', 4], ['TR', 4], ['GR', 2], ['BD', 3], ['SE', 2]],
  criminal: [['SE', 8], ['RO', 6], ['VN', 5], ['AF', 3], ['MA', 3], ['DZ', 2]],
  begging: [['RO', 30], ['BG', 10], ['GR', 1]],
  domestic_work: [['PH', 5], ['UG', 3], ['ET', 2], ['IN', 2]],
  forced_marriage: [['SE', 5], ['SY', 3], ['AF', 3], ['IQ', 3], ['SO', 2]],
  other: [['SE', 3], ['RO', 2], ['NG', 2], ['TH', 2], ['UA', 2], ['TR', 1], ['PH', 1]],
};
const SECTORS: Weights<LabourSector> = [['F', 25], ['I', 20], ['A', 15], ['S', 8], ['N', 8], ['H', 6], ['G', 5], ['C', 5], ['T', 2], ['Q', 1]];
const MULTIPLE: Weights<string> = [['sexual;labour', 70], ['labour;criminal', 15], ['begging;criminal', 10], ['sexual;criminal', 5]];
const FORM_ORDER: string[] = ['sexual', 'labour', 'criminal', 'begging', 'domestic_work', 'forced_marriage', 'organ_removal', 'military_service', 'surrogacy', 'illegal_adoption', 'other'];

const SEX_OF: Record<SexAgeCell, [Sex, boolean]> = {
  women: ['female', false], men: ['male', false], other_adult: ['other', false], unknown_adult: ['unknown', false],
  girls: ['female', true], boys: ['male', true], other_child: ['other', true], unknown_child: ['unknown', true],
};

interface DemoPerson {
  personRef: string;
  sex: Sex;
  birthYear: number | null;
  citizenships: string[];
}

/**
 * Every demo case record of 2021–2025: one per person counted in the published tables, plus
 * earlier same-year cases of a few of them and some negative assessments. ~2,400 rows.
 */
export function demoHistoryRecords(): CaseRecord[] {
  const out: CaseRecord[] = [];
  const earlierAdults: DemoPerson[] = [];
  for (const year of DEMO_HISTORY_YEARS) {
    const rand = prng(7_000 + year);
    const pick = <T extends string>(w: Weights<T>): T => {
      const total = w.reduce((s, [, x]) => s + x, 0);
      let r = rand() * total;
      for (const [v, x] of w) if ((r -= x) < 0) return v;
      return w[w.length - 1]![0];
    };
    const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const tab = demoCrossTab(year);
    const reusedThisYear = new Set<string>();
    const newAdults: DemoPerson[] = [];
    let seq = 0;
    // 2025: 24 of the 33 persons in labour plus sexual exploitation are Thai women in beauty and body care.
    let thaiBeauty = year === 2025 ? 24 : 0;
    const multipleCombos = year === 2025 ? [...Array<string>(33).fill('sexual;labour'), 'labour;criminal', 'labour;criminal', 'begging;criminal', 'begging;criminal'] : null;
    for (const form of FORM_ROWS) {
      for (const cell of SEX_AGE_ROWS) {
        const count = tab.get(form)!.get(cell)!;
        for (let k = 0; k < count; k++) {
          seq++;
          const [sex, child] = SEX_OF[cell];
          const id = `${year}-${String(seq).padStart(4, '0')}`;
          let forms: ExploitationForm[];
          if (form === 'multiple') forms = (multipleCombos ? multipleCombos.shift()! : pick(MULTIPLE)).split(';') as ExploitationForm[];
          else if (form === 'not_reported') forms = [];
          else forms = [form as ExploitationForm];
          const beauty = form === 'multiple' && cell === 'women' && thaiBeauty > 0 && forms.join(';') === 'sexual;labour';
          if (beauty) thaiBeauty--;
          // Some adults identified in an earlier year come back (same person_ref, same facts).
          const back = !child && !beauty && rand() < 0.03 ? earlierAdults.find((p) => p.sex === sex && !reusedThisYear.has(p.personRef)) : undefined;
          let person: DemoPerson;
          let ageGroup: AgeGroup | null = null;
          if (back) {
            person = back;
            reusedThisYear.add(back.personRef);
            if (back.birthYear === null) ageGroup = 'adult';
          } else {
            const cit = form === 'not_reported' || form === 'multiple' ? CITIZENSHIP.other! : CITIZENSHIP[form] ?? CITIZENSHIP.other!;
            const style = rand();
            // Children: mostly a birth year (aged 11–17 in the year), else the stated group; adults:
            // a birth year, the stated group, or nothing at all (unknown age counts as adult).
            const birthYear = child ? (style < 0.8 ? year - between(11, 17) : null) : style < 0.6 ? year - between(19, 58) : null;
            if (birthYear === null) ageGroup = child ? 'child' : style < 0.85 ? 'adult' : null;
            const citizenship = beauty ? 'TH' : rand() < 0.03 ? null : pick(cit);
            person = { personRef: `DEMO-P-${id}`, sex, birthYear, citizenships: citizenship ? [citizenship] : [] };
            if (!child && (birthYear !== null || ageGroup === 'adult')) newAdults.push(person);
          }
          const region = pick(REGIONS);
          const referredOn = `${year}-${String(between(2, 11)).padStart(2, '0')}-${String(between(1, 20)).padStart(2, '0')}`;
          const assessedOn = addDays(referredOn, between(2, 25));
          const source: ReferralSource = child && rand() < 0.2 ? 'school' : forms.includes('labour') && rand() < 0.25 ? 'akc_inspection' : pick(SOURCES);
          const record: CaseRecord = {
            caseRef: `DEMO-${id}`,
            personRef: person.personRef,
            region,
            municipalityCode: rand() < 0.4 ? CITY[region] ?? null : null,
            referredOn,
            referralSource: source,
            assessedOn,
            assessment: 'reason_to_assume',
            sex: person.sex,
            ageGroup,
            birthYear: person.birthYear,
            citizenships: person.citizenships,
            forms: [...forms].sort((a, b) => FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b)),
            labourSector: beauty ? 'S' : forms.includes('labour') && rand() < 0.9 ? pick(SECTORS) : null,
          };
          out.push(record);
          if (rand() < 0.04) {
            // An earlier identification the same year, by another case: the later one counts.
            const earlier = `${referredOn.slice(0, 5)}${String(Number(referredOn.slice(5, 7)) - 1).padStart(2, '0')}${referredOn.slice(7)}`;
            out.push({ ...record, caseRef: `${record.caseRef}-A`, region: pick(REGIONS), municipalityCode: null, referredOn: earlier, assessedOn: addDays(earlier, 1), forms: ['other'], labourSector: null });
          }
          if (rand() < 0.05) {
            // Someone else referred the same year and assessed as not a presumed victim: not counted.
            const ref = `${year}-${String(seq).padStart(4, '0')}-N`;
            out.push({ ...record, caseRef: `DEMO-${ref}`, personRef: `DEMO-P-${ref}`, assessment: 'no_reason_to_assume', forms: [], labourSector: null, birthYear: null, ageGroup: null, citizenships: person.citizenships });
          }
        }
      }
    }
    earlierAdults.push(...newAdults);
  }
  return out;
}
