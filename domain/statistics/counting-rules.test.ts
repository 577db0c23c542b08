// The counting rules as pure functions: who counts in which year, once, and in which row.
import { describe, expect, it } from 'vitest';
import { COUNTING_RULES, formRow, identifiedPersonYears, rowsOf, rulesFor, type AssessmentFact } from './counting-rules.js';
import { recordIsChild } from './reference-counts.js';
import type { CaseRecord } from './case-record.js';

const fact = (o: Partial<AssessmentFact>): AssessmentFact => ({
  personId: 'p1', assessedOn: '2024-05-01', seq: 0, decision: 'reason_to_assume', current: true, forms: ['labour'], sector: null,
  isChild: false, region: 'syd', source: 'police', sex: 'female', citizenships: ['TH'], ...o,
});

describe('counting rules', () => {
  it('counts a person once a year, by their latest assessment that year', () => {
    const years = identifiedPersonYears([
      fact({ assessedOn: '2024-02-01', region: 'nord', forms: ['sexual'], seq: 1 }),
      fact({ assessedOn: '2024-09-01', region: 'syd', forms: ['labour'], seq: 2 }),
      fact({ assessedOn: '2024-09-01', region: 'mitt', forms: ['begging'], seq: 0 }),
      fact({ assessedOn: '2025-01-10', region: 'vast', seq: 3 }),
    ]);
    expect(years.map((p) => [p.year, p.region, p.forms.join()])).toEqual([[2024, 'syd', 'labour'], [2025, 'vast', 'labour']]);
  });

  it('ignores negative and superseded assessments', () => {
    expect(identifiedPersonYears([fact({ decision: 'no_reason_to_assume' }), fact({ personId: 'p2', current: false })])).toEqual([]);
  });

  it('puts more than one form in "multiple" and none in "not reported"', () => {
    expect(formRow(['sexual', 'labour'])).toBe('multiple');
    expect(formRow(['labour', 'labour'])).toBe('labour');
    expect(formRow([])).toBe('not_reported');
  });

  it('counts each form separately in the each-form table, and sector only for labour', () => {
    const [p] = identifiedPersonYears([fact({ forms: ['sexual', 'labour'], sector: 'I' })]);
    expect(rowsOf(p!, 'forms_each')).toEqual(['sexual', 'labour']);
    expect(rowsOf(p!, 'form')).toEqual(['multiple']);
    expect(rowsOf(p!, 'sector')).toEqual(['I']);
    const [q] = identifiedPersonYears([fact({ forms: ['sexual'], sector: 'I' })]);
    expect(rowsOf(q!, 'sector')).toEqual([]);
    const [r] = identifiedPersonYears([fact({ forms: ['labour'], sector: null })]);
    expect(rowsOf(r!, 'sector')).toEqual(['not_reported']);
  });

  it('counts unknown age as adult and children by sex', () => {
    const rows = (o: Partial<AssessmentFact>) => rowsOf(identifiedPersonYears([fact(o)])[0]!, 'sex_age');
    expect(rows({ isChild: null, sex: 'male' })).toEqual(['men']);
    expect(rows({ isChild: true, sex: 'other' })).toEqual(['other_child']);
    expect(rows({ isChild: true, sex: 'unknown' })).toEqual(['unknown_child']);
    expect(rows({ citizenships: [] }).length).toBe(1);
    expect(rowsOf(identifiedPersonYears([fact({ citizenships: ['RO', 'SE'] })])[0]!, 'citizenship')).toEqual(['RO']);
    expect(rowsOf(identifiedPersonYears([fact({ citizenships: [] })])[0]!, 'citizenship')).toEqual(['unknown']);
  });

  it('decides child or adult from the stated age group, else the birth year counted as 1 July', () => {
    const base: Omit<CaseRecord, 'assessedOn' | 'ageGroup' | 'birthYear'> = { caseRef: 'c', personRef: 'p', region: 'syd', municipalityCode: null, referredOn: '2024-01-01', referralSource: 'police', assessment: 'reason_to_assume', sex: 'female', citizenships: [], forms: [], labourSector: null };
    expect(recordIsChild({ ...base, assessedOn: '2024-06-30', ageGroup: null, birthYear: 2006 })).toBe(true);
    expect(recordIsChild({ ...base, assessedOn: '2024-07-01', ageGroup: null, birthYear: 2006 })).toBe(false);
    expect(recordIsChild({ ...base, assessedOn: '2024-07-01', ageGroup: 'child', birthYear: null })).toBe(true);
    expect(recordIsChild({ ...base, assessedOn: '2024-07-01', ageGroup: null, birthYear: null })).toBe(null);
  });

  it('has the rules in both languages, and every table has its rules', () => {
    for (const r of COUNTING_RULES) expect(r.sv.length * r.en.length).toBeGreaterThan(0);
    for (const t of ['form', 'forms_each', 'sex_age', 'region', 'citizenship', 'sector', 'source', 'nsp', 'amp', 'permits']) expect(rulesFor(t).length).toBeGreaterThan(1);
  });
});
