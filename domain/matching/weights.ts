// The fast path of scoring: the sum of field weights (the Bayes factor in bits, without the
// prior) for millions of batch pairs. The logarithms of every fixed m/u are worked out once per
// model; only name-frequency adjustments are computed per pair. Must agree with score.ts.

import type { Comparison } from './compare';
import { NAME_OTHER } from './compare-names';
import { nameFrequency } from './field-parameters';
import { FIELD_SPECS, namesAgreeFor } from './model';
import type { FieldName, MatchModel } from './model';
import type { PreparedRecord } from './prepare';

interface WeightTables {
  /** log2(m / u) per field and level. */
  plain: Record<FieldName, Float64Array>;
  /** The same with u conditioned on agreeing names, where the model has it. */
  namesAgree: Partial<Record<FieldName, Float64Array>>;
  /** Birth levels when a date is estimated. */
  birthEstimated: Float64Array | null;
  /** log2(m_l / (u_l / u_exact)) for name levels: subtract log2(frequency) to get the weight. */
  nameBase: { given: Float64Array; family: Float64Array };
}

const tablesByModel = new WeakMap<MatchModel, WeightTables>();

function logRatios(m: readonly number[], u: readonly number[]): Float64Array {
  return Float64Array.from(m, (x, l) => Math.log2(x / (u[l] as number)));
}

function tablesFor(model: MatchModel): WeightTables {
  const known = tablesByModel.get(model);
  if (known !== undefined) return known;
  const plain = {} as Record<FieldName, Float64Array>;
  const namesAgree: Partial<Record<FieldName, Float64Array>> = {};
  for (const spec of FIELD_SPECS) {
    const p = model.fields[spec.name];
    plain[spec.name] = logRatios(p.m, p.u);
    if (p.uWhenNamesAgree !== undefined) namesAgree[spec.name] = logRatios(p.m, p.uWhenNamesAgree);
  }
  const estimated = model.fields.birth.estimated;
  const base = (f: 'given' | 'family'): Float64Array => {
    const p = model.fields[f];
    return Float64Array.from(p.m, (m, l) => Math.log2(m / ((p.u[l] as number) / (p.u[0] as number))));
  };
  const tables: WeightTables = {
    plain,
    namesAgree,
    birthEstimated: estimated === undefined ? null : logRatios(estimated.m, estimated.u),
    nameBase: { given: base('given'), family: base('family') },
  };
  tablesByModel.set(model, tables);
  return tables;
}

function nameWeight(model: MatchModel, t: WeightTables, field: 'given' | 'family', c: Comparison, a: PreparedRecord, b: PreparedRecord): number {
  const level = c.levels[field];
  if (level === null) return 0;
  if (level < NAME_OTHER) {
    const tf = nameFrequency(model, field, c, a, b);
    if (tf > 0) return (t.nameBase[field][level] as number) - Math.log2(tf);
  }
  return t.plain[field][level] as number;
}

const CONDITIONED_FIELDS: readonly FieldName[] = ['sex', 'citizenship', 'contact', 'document'];

/** Sum of field weights without the prior: the Bayes factor in bits. Allocation-free. */
export function fieldWeight(model: MatchModel, c: Comparison, a: PreparedRecord, b: PreparedRecord): number {
  const t = tablesFor(model);
  const levels = c.levels;
  let total = nameWeight(model, t, 'given', c, a, b) + nameWeight(model, t, 'family', c, a, b);
  const birth = levels.birth;
  if (birth !== null) total += ((c.birthEstimated && t.birthEstimated !== null ? t.birthEstimated : t.plain.birth)[birth] as number);
  for (const field of CONDITIONED_FIELDS) {
    const level = levels[field];
    if (level === null) continue;
    const agree = t.namesAgree[field];
    const table = agree !== undefined && namesAgreeFor(field, levels.given, levels.family) ? agree : t.plain[field];
    total += table[level] as number;
  }
  return total;
}
