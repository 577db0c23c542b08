// A candidate pair as one coordinator sees it. Each person is "in your region" when it has a
// case there; only such a person's name and details are shown. For the other region's person
// the coordinator sees the evidence (which fields agree, how strongly) and the region to call.
import type { PersonDetail } from './person.schema.js';
import { personLabel, presentPerson, type PersonRow } from './person.presenter.js';
import type { CandidateRow } from './candidate.repository.js';
import type { Evidence } from './person.schema.js';
import { MERGE_FIELDS, type MergeField } from './candidate.schema.js';

export interface SideFacts {
  rows: Map<string, PersonRow>;
  cases: Map<string, PersonDetail['cases']>;
  regions: Map<string, string[]>;
}

export function sideOf(id: string, facts: SideFacts) {
  const row = facts.rows.get(id);
  const inYourRegion = (facts.cases.get(id)?.length ?? 0) > 0;
  return {
    personId: id,
    inYourRegion,
    exists: row !== undefined,
    regions: facts.regions.get(id) ?? [],
    label: inYourRegion && row ? personLabel(row) : null,
  };
}

export function detailOf(id: string, facts: SideFacts): PersonDetail | null {
  const row = facts.rows.get(id);
  const cases = facts.cases.get(id) ?? [];
  return row && cases.length > 0 ? presentPerson(row, cases) : null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentCandidate(row: CandidateRow, facts: SideFacts) {
  return {
    id: row.id,
    probability: Number(row.probability),
    band: row.band === 'auto_flag' ? ('auto_flag' as const) : ('review' as const),
    status: row.status as 'open' | 'merged' | 'not_same',
    createdAt: iso(row.created_at) as string,
    decidedAt: iso(row.decided_at),
    version: row.version,
    personA: sideOf(row.person_a, facts),
    personB: sideOf(row.person_b, facts),
  };
}

export interface StoredExplanation {
  weight: number;
  priorWeight: number;
  evidence: Evidence[];
}

export function explanationFrom(value: unknown): StoredExplanation {
  const e = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<StoredExplanation> | null;
  return { weight: e?.weight ?? 0, priorWeight: e?.priorWeight ?? 0, evidence: e?.evidence ?? [] };
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** The merge fields on which both persons hold a value and the values differ. */
export function conflictsOf(a: PersonRow, b: PersonRow): MergeField[] {
  const values = (p: PersonRow): Record<MergeField, unknown> => ({
    givenNames: p.given_names.trim().toLowerCase() || null,
    familyNames: p.family_names.trim().toLowerCase() || null,
    birthDate: p.birth_date ?? p.birth_year ?? p.estimated_age,
    sex: p.sex === 'unknown' ? null : p.sex,
    citizenships: p.citizenships.length === 0 ? null : [...p.citizenships].sort(),
  });
  const va = values(a);
  const vb = values(b);
  return MERGE_FIELDS.filter((f) => va[f] !== null && vb[f] !== null && va[f] !== undefined && vb[f] !== undefined && !same(va[f], vb[f]));
}
