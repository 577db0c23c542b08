// Synthetic support and permit records for the demo's historical persons (demo-history.ts), so
// that the programme tables (Tables 3–6) computed from them give the published figures of
// DOMAIN.md §7: NSP 2021–2025, ÅMP 2021–2025, permits 2022–2024 (Migration Agency, including
// extensions; 79 permits for 56 persons in 2024). Where the sources leave a figure out it is
// invented and marked so below (NSP 2021's split of 19 adults by sex, permits 2021 and 2025).
// "Children" in the NSP figures are read as accompanying children; a trans woman as "other
// gender identity". Deterministic; every record is invented.
import { ageAt } from '../age.js';
import { addDays } from '../process/permits.js';
import type { SexAgeLeafRow } from '../codelists/sex-age.js';
import type { CaseRecord } from './case-record.js';
import { prng } from './synthetic-records.js';

type Rows = Partial<Record<SexAgeLeafRow, number>>;

export const DEMO_NSP: Record<number, { rows: Rows; accompanyingChildren: number; childrenInHomeCountry: number }> = {
  2021: { rows: { women: 15, men: 4 }, accompanyingChildren: 17, childrenInHomeCountry: 0 }, // 19 adults published; the split by sex is invented
  2022: { rows: { women: 27, men: 5 }, accompanyingChildren: 23, childrenInHomeCountry: 0 },
  2023: { rows: { women: 33, men: 10 }, accompanyingChildren: 25, childrenInHomeCountry: 0 },
  2024: { rows: { women: 28, other_adult: 1, men: 10 }, accompanyingChildren: 24, childrenInHomeCountry: 0 },
  2025: { rows: { women: 49, men: 33 }, accompanyingChildren: 21, childrenInHomeCountry: 47 },
};

export const DEMO_AMP: Record<number, { rows: Rows; accompanyingFamily: number; accompanyingChildren: number; returnCountries: Record<string, number> }> = {
  // 2021: 37 women and 24 men "children included": two girls and two boys among them.
  2021: { rows: { women: 35, girls: 2, men: 22, boys: 2 }, accompanyingFamily: 0, accompanyingChildren: 0, returnCountries: {} },
  2022: { rows: { women: 13, men: 13, girls: 2, boys: 2 }, accompanyingFamily: 0, accompanyingChildren: 0, returnCountries: {} },
  2023: { rows: { women: 21, men: 33, girls: 2, boys: 5 }, accompanyingFamily: 0, accompanyingChildren: 0, returnCountries: {} },
  // 32 per the total and the text (the published table prints 2 girls and adds up to 33).
  2024: { rows: { women: 18, men: 11, girls: 1, boys: 2 }, accompanyingFamily: 0, accompanyingChildren: 0, returnCountries: {} },
  2025: { rows: { women: 27, men: 29, girls: 6, boys: 3 }, accompanyingFamily: 1, accompanyingChildren: 9, returnCountries: { PH: 14, TH: 11, TR: 7, GR: 7 } },
};

interface PermitYear {
  witness: { female: number; male: number };
  reflection: { female: number; male: number };
  /** Reflection periods by applicant (Table 6); they add up to the reflection periods. */
  applicants: { prosecution: number; police: number; social_welfare_board: number };
  viaCoordinator: number;
  /** Extensions among the permits, by kind and sex (else a fifth of each). */
  extensions?: { witness: { female: number; male: number }; reflection: { female: number; male: number } };
}

export const DEMO_PERMITS: Record<number, PermitYear> = {
  2021: { witness: { female: 18, male: 70 }, reflection: { female: 10, male: 7 }, applicants: { prosecution: 4, police: 8, social_welfare_board: 5 }, viaCoordinator: 0 }, // invented
  2022: { witness: { female: 22, male: 94 }, reflection: { female: 12, male: 8 }, applicants: { prosecution: 5, police: 10, social_welfare_board: 5 }, viaCoordinator: 0 },
  2023: { witness: { female: 16, male: 46 }, reflection: { female: 14, male: 8 }, applicants: { prosecution: 6, police: 6, social_welfare_board: 10 }, viaCoordinator: 7 },
  2024: {
    witness: { female: 14, male: 27 }, reflection: { female: 23, male: 15 }, applicants: { prosecution: 8, police: 13, social_welfare_board: 17 }, viaCoordinator: 11,
    // 79 permits for 56 persons: 23 of the permits are extensions.
    extensions: { witness: { female: 5, male: 11 }, reflection: { female: 4, male: 3 } },
  },
  2025: { witness: { female: 12, male: 30 }, reflection: { female: 26, male: 19 }, applicants: { prosecution: 9, police: 14, social_welfare_board: 22 }, viaCoordinator: 14 }, // invented
};

export interface DemoNsp { caseRef: string; enrolledOn: string; endedOn: string | null; supportTypes: string[]; accompanyingChildren: number; childrenInHomeCountry: number }
export interface DemoAmp {
  caseRef: string; appliedOn: string; decidedOn: string; returnCountry: string; accompanyingFamily: number; accompanyingChildren: number;
  returnedOn: string | null; followups: { on: string; satisfaction: number; sustainable: boolean }[];
}
export interface DemoPermit {
  caseRef: string; kind: 'reflection' | 'witness'; applicantKind: 'prosecution' | 'police' | 'social_welfare_board'; viaCoordinator: boolean;
  submittedOn: string; decidedOn: string; validFrom: string; validUntil: string; extensions: { decidedOn: string; validUntil: string }[];
}
export interface DemoProgrammes { nsp: DemoNsp[]; amp: DemoAmp[]; permits: DemoPermit[] }

const SUPPORT = ['acute_basic_needs', 'protected_housing', 'counselling', 'information', 'legal_advice', 'authority_contacts'];

/** The sex-and-age row a person falls in on `on`, as the programme tables count it (age from the person's evidence). */
function rowOn(r: CaseRecord, on: string): SexAgeLeafRow | null {
  const years = ageAt({ birthYear: r.birthYear }, on).years;
  // A child known only by a stated age group would count as an adult here: not used.
  if (years === null && r.ageGroup === 'child') return null;
  const child = years !== null && years < 18;
  const adult = { female: 'women', male: 'men', other: 'other_adult', unknown: 'unknown_adult' } as const;
  const kid = { female: 'girls', male: 'boys', other: 'other_child', unknown: 'unknown_child' } as const;
  return (child ? kid : adult)[r.sex];
}

/** Splits `units` (sizes 1 or 2) into groups with exactly the given totals; throws when it cannot. */
function partition<T extends { size: number }>(units: readonly T[], totals: Record<string, number>): Map<string, T[]> {
  const left = { ...totals };
  const out = new Map(Object.keys(totals).map((k) => [k, [] as T[]]));
  for (const u of [...units].sort((a, b) => b.size - a.size)) {
    const k = Object.keys(left).filter((g) => left[g]! >= u.size).sort((a, b) => left[b]! - left[a]!)[0];
    if (k === undefined) throw new Error('cannot split the permits by applicant');
    out.get(k)!.push(u);
    left[k]! -= u.size;
  }
  if (Object.values(left).some((v) => v !== 0)) throw new Error('cannot split the permits by applicant');
  return out;
}

export function demoProgrammeRecords(records: readonly CaseRecord[], today: string): DemoProgrammes {
  const victims = records.filter((r) => r.assessment === 'reason_to_assume' && !r.caseRef.endsWith('-A'));
  const byYear = new Map<number, CaseRecord[]>();
  for (const r of victims) {
    const y = Number(r.assessedOn!.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), r]);
  }
  const out: DemoProgrammes = { nsp: [], amp: [], permits: [] };
  const ampUsed = new Set<string>();
  const past = (d: string | null) => (d !== null && d <= today ? d : null);

  for (const year of Object.keys(DEMO_NSP).map(Number)) {
    const rand = prng(9_000 + year);
    const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const date = (fromMonth: number, toMonth: number) => `${year}-${String(between(fromMonth, toMonth)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
    // Persons identified this year first, then those of the year before.
    const pool = [...(byYear.get(year) ?? []), ...(byYear.get(year - 1) ?? [])];
    const usedThisYear = new Set<string>();
    const take = (row: SexAgeLeafRow, on: string, ok: (r: CaseRecord) => boolean = () => true): CaseRecord => {
      const found = pool.find((r) => !usedThisYear.has(r.personRef) && ok(r) && rowOn(r, on) === row);
      if (!found) throw new Error(`no demo person for ${row} in ${year}`);
      usedThisYear.add(found.personRef);
      return found;
    };
    const foreign = (r: CaseRecord) => r.citizenships.length > 0 && r.citizenships[0] !== 'SE';

    // NSP: persons once a year; accompanying children and children at home spread over the women.
    const nsp = DEMO_NSP[year]!;
    const enrolments: DemoNsp[] = [];
    for (const [row, n] of Object.entries(nsp.rows) as [SexAgeLeafRow, number][]) {
      for (let i = 0; i < n; i++) {
        const on = date(1, 12);
        const r = take(row, on);
        enrolments.push({ caseRef: r.caseRef, enrolledOn: on, endedOn: past(addDays(on, between(60, 240))), supportTypes: SUPPORT.filter(() => rand() < 0.5), accompanyingChildren: 0, childrenInHomeCountry: 0 });
      }
    }
    const spread = (total: number, field: 'accompanyingChildren' | 'childrenInHomeCountry') => {
      for (let i = 0; i < total; i++) enrolments[(i * 7) % Math.max(1, Math.min(enrolments.length, 20))]![field]++;
    };
    spread(nsp.accompanyingChildren, 'accompanyingChildren');
    spread(nsp.childrenInHomeCountry, 'childrenInHomeCountry');
    out.nsp.push(...enrolments);

    // ÅMP: persons admitted once; children aged under 18 at the decision.
    usedThisYear.clear();
    const amp = DEMO_AMP[year]!;
    const countries = Object.entries(amp.returnCountries).flatMap(([c, n]) => Array<string>(n).fill(c));
    const admissions: DemoAmp[] = [];
    for (const [row, n] of Object.entries(amp.rows) as [SexAgeLeafRow, number][]) {
      for (let i = 0; i < n; i++) {
        const decidedOn = date(1, 11);
        const wanted = countries[0];
        const r = pool.find((x) => !usedThisYear.has(x.personRef) && !ampUsed.has(x.personRef) && foreign(x) && x.citizenships[0] === wanted && rowOn(x, decidedOn) === row)
          ?? take(row, decidedOn, (x) => foreign(x) && !ampUsed.has(x.personRef));
        usedThisYear.add(r.personRef);
        ampUsed.add(r.personRef);
        const returnCountry = countries.shift() ?? r.citizenships[0]!;
        const returnedOn = past(addDays(decidedOn, between(14, 45)));
        const followups = returnedOn ? [30, 180].map((d) => addDays(returnedOn, d)).filter((d) => d <= today).map((on) => ({ on, satisfaction: between(3, 5), sustainable: rand() < 0.85 })) : [];
        admissions.push({ caseRef: r.caseRef, appliedOn: addDays(decidedOn, -between(10, 30)), decidedOn, returnCountry, accompanyingFamily: 0, accompanyingChildren: 0, returnedOn, followups });
      }
    }
    for (let i = 0; i < amp.accompanyingFamily; i++) admissions[i]!.accompanyingFamily++;
    for (let i = 0; i < amp.accompanyingChildren; i++) admissions[(i * 3) % admissions.length]!.accompanyingChildren++;
    out.amp.push(...admissions);

    // Permits: granted applications, some extended the same year; permits, not persons.
    const p = DEMO_PERMITS[year];
    if (!p) continue;
    usedThisYear.clear();
    for (const kind of ['witness', 'reflection'] as const) {
      const units: (DemoPermit & { size: number })[] = [];
      for (const sex of ['female', 'male'] as const) {
        const permits = p[kind][sex];
        const extended = p.extensions?.[kind][sex] ?? Math.round(permits / 5);
        for (let i = 0; i < permits - extended; i++) {
          const r = take(sex === 'female' ? 'women' : 'men', `${year}-07-01`, foreign);
          const submittedOn = kind === 'reflection' ? date(1, 10) : date(1, 5);
          const decidedOn = addDays(submittedOn, kind === 'reflection' ? between(2, 6) : between(7, 20));
          const validUntil = addDays(decidedOn, kind === 'reflection' ? 29 : 182);
          const extensions = i < extended ? [{ decidedOn: addDays(validUntil, -between(1, 10)), validUntil: addDays(validUntil, kind === 'reflection' ? 30 : 182) }] : [];
          units.push({ caseRef: r.caseRef, kind, applicantKind: 'prosecution', viaCoordinator: false, submittedOn, decidedOn, validFrom: decidedOn, validUntil, extensions, size: 1 + extensions.length });
        }
      }
      const totals = kind === 'reflection' ? p.applicants : (() => {
        const all = p.witness.female + p.witness.male;
        const prosecution = Math.round(all * 0.6);
        return { prosecution, police: all - prosecution };
      })();
      for (const [applicant, group] of partition(units, totals)) {
        let via = applicant === 'social_welfare_board' ? p.viaCoordinator : 0;
        for (const u of [...group].sort((a, b) => b.size - a.size)) {
          u.applicantKind = applicant as DemoPermit['applicantKind'];
          if (u.size <= via) {
            u.viaCoordinator = true;
            via -= u.size;
          }
        }
        if (via !== 0) throw new Error(`cannot mark ${p.viaCoordinator} reflection periods via the coordinators in ${year}`);
        out.permits.push(...group.map(({ size: _size, ...permit }) => permit));
      }
    }
  }
  return out;
}
