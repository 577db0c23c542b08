// Synthetic case records for tests and benchmarks: deterministic from a seed, skewed like the
// real tables (many sexual and labour cases, few of the rare forms; some persons identified
// twice in a year, some pending, some negative). Every record is invented.
import { EXPLOITATION_FORMS, type ExploitationForm } from '../codelists/exploitation-forms.js';
import { POLICE_REGIONS } from '../codelists/police-regions.js';
import { REFERRAL_SOURCES } from '../codelists/referral-sources.js';
import { SEXES, type AgeGroup } from '../codelists/sex-age.js';
import type { CaseRecord } from './case-record.js';
import { LABOUR_SECTORS } from './labour-sectors.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FORM_WEIGHTS: [ExploitationForm, number][] = EXPLOITATION_FORMS.map((f) => [f.code, f.code === 'sexual' ? 40 : f.code === 'labour' ? 40 : 2]);
const COUNTRIES = ['TH', 'RO', 'NG', 'UA', 'SE', 'BG', 'VN', 'PH', 'TR', 'CN', 'PL', 'ER', 'MN', 'DE'];

export interface SyntheticOptions {
  years: readonly number[];
  /** Records to make. */
  count: number;
  /** Share of records that reuse an earlier person (same person again, maybe the same year). */
  repeatShare?: number;
}

export function syntheticRecords(seed: number, opts: SyntheticOptions): CaseRecord[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const weighted = <T>(xs: readonly [T, number][]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = rand() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  const persons: Pick<CaseRecord, 'personRef' | 'sex' | 'birthYear' | 'citizenships'>[] = [];
  const out: CaseRecord[] = [];
  for (let i = 0; i < opts.count; i++) {
    const reuse = persons.length > 0 && rand() < (opts.repeatShare ?? 0.1);
    const person = reuse
      ? pick(persons)
      : {
          personRef: `SP-${seed}-${i}`,
          sex: weighted(SEXES.map((s): [typeof s.code, number] => [s.code, s.code === 'female' ? 50 : s.code === 'male' ? 40 : 3])),
          birthYear: rand() < 0.7 ? 1960 + Math.floor(rand() * 50) : null,
          citizenships: rand() < 0.05 ? [] : rand() < 0.1 ? [pick(COUNTRIES), 'SE'].filter((c, k, a) => a.indexOf(c) === k) : [pick(COUNTRIES)],
        };
    if (!reuse) persons.push(person);
    const year = pick(opts.years);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 27);
    const referredOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const assessedOn = `${year}-${String(month).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}`;
    const r = rand();
    const assessment = r < 0.8 ? 'reason_to_assume' : r < 0.9 ? 'no_reason_to_assume' : 'pending';
    const nForms = rand() < 0.06 ? 0 : rand() < 0.08 ? 2 : 1;
    const forms: ExploitationForm[] = [];
    while (forms.length < nForms) {
      const f = weighted(FORM_WEIGHTS);
      if (!forms.includes(f)) forms.push(f);
    }
    forms.sort((a, b) => EXPLOITATION_FORMS.findIndex((f) => f.code === a) - EXPLOITATION_FORMS.findIndex((f) => f.code === b));
    const stated: AgeGroup | null = person.birthYear !== null ? null : rand() < 0.3 ? 'child' : rand() < 0.5 ? 'adult' : null;
    out.push({
      caseRef: `SC-${seed}-${i}`,
      personRef: person.personRef,
      region: pick(POLICE_REGIONS).code,
      municipalityCode: null,
      referredOn,
      referralSource: pick(REFERRAL_SOURCES).code,
      assessedOn: assessment === 'pending' ? null : assessedOn,
      assessment,
      sex: person.sex,
      ageGroup: stated,
      birthYear: person.birthYear,
      citizenships: person.citizenships,
      forms,
      labourSector: forms.includes('labour') && rand() < 0.8 ? pick(LABOUR_SECTORS).code : null,
    });
  }
  return out;
}
