// A candidate pair as one coordinator sees it. Each person is "in your region" when it has a
// case there; only such a person's name and details are shown. For the other region's person
// the coordinator sees the evidence (which fields agree, how strongly) and the region to call.
import type { PersonDetail } from './person.schema.js';
import { personLabel, presentPerson, type PersonRow } from './person.presenter.js';
import type { CandidateRow } from './candidate.repository.js';
import type { Evidence } from './person.schema.js';
import { MERGE_FIELDS, type MergeField } from './candidate.schema.js';
import type { StoredCorroboration } from './dedupe-pairs.js';

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
    corroborated: explanationFrom(row.explanation).corroboration !== null,
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
  /** Present when the pair was offered through a third person (dedupe-pairs.ts). */
  corroboration: StoredCorroboration | null;
}

export function explanationFrom(value: unknown): StoredExplanation {
  const e = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<StoredExplanation> | null;
  return { weight: e?.weight ?? 0, priorWeight: e?.priorWeight ?? 0, evidence: e?.evidence ?? [], corroboration: e?.corroboration ?? null };
}

/** A support pair as the viewer may see it: by candidate id, or null when outside their scope. */
export interface SupportPair {
  candidateId: string | null;
  status: 'open' | 'merged' | 'not_same' | null;
}

/**
 * The corroboration of a pair for the view: the two direct scores it rests on, what the two
 * records score alone, and each support pair the viewer may open. The third person is never
 * named here: a coordinator who sees this pair sees at least one support pair too (it shares a
 * person in their region), and that pair shows the person as far as they may see it.
 */
export function presentCorroboration(pair: { person_a: string; person_b: string }, c: StoredCorroboration, visible: readonly { id: string; person_a: string; person_b: string; status: string }[]) {
  const find = (x: string, y: string): SupportPair => {
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const row = visible.find((v) => v.person_a === lo && v.person_b === hi);
    return row === undefined ? { candidateId: null, status: null } : { candidateId: row.id, status: row.status as SupportPair['status'] };
  };
  return {
    direct: c.direct,
    supports: [
      { probability: c.supports[0], ...find(pair.person_a, c.via) },
      { probability: c.supports[1], ...find(c.via, pair.person_b) },
    ],
  };
}

/** The two support pairs of a corroboration, each lower id first. */
export function supportPairsOf(pair: { person_a: string; person_b: string }, c: StoredCorroboration): [string, string][] {
  const order = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
  return [order(pair.person_a, c.via), order(c.via, pair.person_b)];
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
