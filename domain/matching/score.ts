// Scoring a comparison under a fitted model: the match weight (sum of log2 m/u over fields plus
// the prior's log-odds), the probability, the band, and each field's contribution, so that a
// reviewer sees why a pair was offered. Missing values contribute nothing.

import type { Comparison } from './compare';
import { parametersFor } from './field-parameters';
import type { UBasis } from './field-parameters';
import { FIELD_SPECS } from './model';
import type { FieldName, MatchModel } from './model';
import type { PreparedRecord } from './prepare';
import { bandFor } from './types';
import type { Band } from './types';

export interface FieldContribution {
  field: FieldName;
  /** Null when a value was missing on either side. */
  level: number | null;
  label: string;
  m: number | null;
  u: number | null;
  /** log2(m / u); 0 when missing. */
  weight: number;
  /** Where u came from: the level, these names' frequency, agreeing names, an estimated date. */
  basis: UBasis | null;
}

export interface PairScore {
  weight: number;
  probability: number;
  band: Band;
  priorWeight: number;
  contributions: FieldContribution[];
}

const ALIAS_KIND_LABELS = {
  spelling: 'transliteration, name form or recorded alias',
  subset: 'a name left out on one side',
  typo: 'one typing slip',
  partial: 'sound alone or part of the name',
} as const;

export function logOdds(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

function contributionOf(model: MatchModel, field: FieldName, labels: readonly string[], c: Comparison, a: PreparedRecord, b: PreparedRecord): FieldContribution {
  const level = c.levels[field];
  if (level === null) return { field, level, label: 'missing', m: null, u: null, weight: 0, basis: null };
  const { m, u, basis } = parametersFor(model, field, level, c, a, b);
  const kind = field === 'given' ? c.names.givenAlias : field === 'family' ? c.names.familyAlias : null;
  const label = labels[level] ?? String(level);
  return { field, level, label: kind === null ? label : `${label}: ${ALIAS_KIND_LABELS[kind]}`, m, u, weight: Math.log2(m / u), basis };
}

/** The full explanation of one pair. For batches, fieldWeight in weights.ts is the fast path. */
export function scoreComparison(model: MatchModel, c: Comparison, a: PreparedRecord, b: PreparedRecord): PairScore {
  const contributions = FIELD_SPECS.map((spec) => contributionOf(model, spec.name, spec.levels, c, a, b));
  const priorWeight = logOdds(model.prior);
  const weight = priorWeight + contributions.reduce((sum, x) => sum + x.weight, 0);
  const probability = probabilityFromWeight(weight);
  return { weight, probability, band: bandFor(probability, model.bands), priorWeight, contributions };
}
