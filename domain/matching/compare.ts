// The comparison vector of two prepared records: one level per field (null when either side is
// missing the value), plus how the names were aligned, which the explanation reports.

import { compareBirth } from './birth-date';
import { compareNames, emptyNameComparison } from './compare-names';
import type { NameComparison } from './compare-names';
import { compareSets, compareSex } from './identifiers';
import type { FieldName } from './model';
import type { PreparedRecord } from './prepare';
import type { TokenTable } from './token-table';

export type ComparisonLevels = Record<FieldName, number | null>;

export interface Comparison {
  readonly levels: ComparisonLevels;
  readonly names: NameComparison;
  /** True when either birth date is an estimate, so the estimated-date parameters apply. */
  birthEstimated: boolean;
  /** True when both are (two estimates can be further apart than an estimate and a known date). */
  birthBothEstimated: boolean;
}

export function emptyComparison(): Comparison {
  return {
    names: emptyNameComparison(),
    levels: { given: null, family: null, birth: null, sex: null, citizenship: null, contact: null, document: null },
    birthEstimated: false,
    birthBothEstimated: false,
  };
}

/**
 * Compare two records. Batch callers pass `out` to reuse one object for millions of pairs;
 * a caller that keeps the result must not pass one.
 */
export function compareRecords(table: TokenTable, a: PreparedRecord, b: PreparedRecord, out: Comparison = emptyComparison()): Comparison {
  const names = compareNames(table, a, b, out.names);
  const levels = out.levels;
  levels.given = names.given;
  levels.family = names.family;
  levels.birth = compareBirth(a.birth, b.birth);
  out.birthEstimated = a.birth !== null && b.birth !== null && (a.birth.weak || b.birth.weak);
  out.birthBothEstimated = a.birth !== null && b.birth !== null && a.birth.weak && b.birth.weak;
  levels.sex = compareSex(a.sex, b.sex);
  levels.citizenship = compareSets(a.citizenships, b.citizenships);
  levels.contact = compareSets(a.contacts, b.contacts);
  levels.document = compareSets(a.documents, b.documents);
  return out;
}
