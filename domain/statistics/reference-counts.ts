// Counts of the identified tables computed in memory from case records with the reference
// counting rules (counting-rules.ts): what the SQL must produce, for tests and benchmarks.
import { ageAt } from '../age.js';
import type { CaseRecord } from './case-record.js';
import { identifiedPersonYears, rowsOf, type AssessmentFact } from './counting-rules.js';
import { CUBE_DIMENSIONS, type IdentifiedCounts } from './identified-model.js';

/** How the import turns a record into an assessment's is_child (explicit age group, else birth year). */
export function recordIsChild(r: CaseRecord): boolean | null {
  if (r.ageGroup === 'child') return true;
  if (r.ageGroup === 'adult') return false;
  if (r.ageGroup === 'unknown' || r.birthYear === null || !r.assessedOn) return null;
  const years = ageAt({ birthYear: r.birthYear }, r.assessedOn).years;
  return years === null ? null : years < 18;
}

export function factsFromRecords(records: readonly CaseRecord[]): AssessmentFact[] {
  return records
    .filter((r) => r.assessment !== 'pending')
    .map((r, seq) => ({
      personId: r.personRef,
      assessedOn: r.assessedOn!,
      seq,
      decision: r.assessment as AssessmentFact['decision'],
      current: true,
      forms: r.forms,
      sector: r.labourSector,
      isChild: recordIsChild(r),
      region: r.region,
      source: r.referralSource,
      sex: r.sex,
      citizenships: r.citizenships,
    }));
}

export function referenceCounts(facts: readonly AssessmentFact[], year: number): IdentifiedCounts {
  const byRegion = new Map<string, Map<string, Map<string, number>>>();
  const unknownAge = new Map<string, number>();
  const bump = (region: string, dim: string, code: string) => {
    const dims = byRegion.get(region) ?? new Map<string, Map<string, number>>();
    const codes = dims.get(dim) ?? new Map<string, number>();
    codes.set(code, (codes.get(code) ?? 0) + 1);
    dims.set(dim, codes);
    byRegion.set(region, dims);
  };
  for (const p of identifiedPersonYears(facts)) {
    if (p.year !== year) continue;
    for (const dim of CUBE_DIMENSIONS) for (const code of rowsOf(p, dim)) bump(p.region, dim, code);
    if (p.isChild === null) unknownAge.set(p.region, (unknownAge.get(p.region) ?? 0) + 1);
  }
  return { year, byRegion, unknownAge };
}
