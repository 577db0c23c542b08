// The fast path of scoring: the sum of field weights (the Bayes factor in bits, without the
// prior) for millions of batch pairs. The logarithms of every fixed m/u are worked out once per
// model; only name-frequency adjustments are computed per pair. Must agree with score.ts.

import type { Comparison } from './compare';
import { nameU } from './field-parameters';
import { birthParameters, familyOnlyFor, FIELD_SPECS, namesAgreeFor } from './model';
import type { FieldName, FieldParameters, MatchModel } from './model';
import { aliasKindIndex, NAME_ALIAS } from './compare-names';
import type { PreparedRecord } from './prepare';

interface WeightTables {
  /** log2(m / u) per field and level. */
  plain: Record<FieldName, Float64Array>;
  /** The same with u conditioned on agreeing names, where the model has it. */
  namesAgree: Partial<Record<FieldName, Float64Array>>;
  /** Birth levels when one date is estimated, and when both are. */
  birthEstimated: Float64Array;
  birthBothEstimated: Float64Array;
  /** The same three with the u of relatives (family name shared, given name not). */
  birthFamilyOnly: { trusted: Float64Array; estimated: Float64Array; estimatedBoth: Float64Array };
  /** log2(m) of name levels: subtract log2 of a frequency-adjusted u to get the weight. */
  logM: { given: Float64Array; family: Float64Array };
  /** Names' alias level by kind (ALIAS_KINDS): log2(m), and log2(m / u); null when not split. */
  alias: { given: AliasLogs | null; family: AliasLogs | null };
}

interface AliasLogs {
  logM: Float64Array;
  plain: Float64Array;
}

function aliasLogs(p: FieldParameters): AliasLogs | null {
  if (p.alias === undefined) return null;
  const { m, u } = p.alias;
  return { logM: Float64Array.from(m, Math.log2), plain: logRatios(m, u) };
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
  const birth = model.fields.birth;
  const birthTable = (estimated: boolean, both: boolean, familyOnly = false): Float64Array => {
    const p = birthParameters(birth, estimated, both, familyOnly);
    return logRatios(p.m, p.u);
  };
  const tables: WeightTables = {
    plain,
    namesAgree,
    birthEstimated: birthTable(true, false),
    birthBothEstimated: birthTable(true, true),
    birthFamilyOnly: { trusted: birthTable(false, false, true), estimated: birthTable(true, false, true), estimatedBoth: birthTable(true, true, true) },
    logM: { given: Float64Array.from(model.fields.given.m, Math.log2), family: Float64Array.from(model.fields.family.m, Math.log2) },
    alias: { given: aliasLogs(model.fields.given), family: aliasLogs(model.fields.family) },
  };
  tablesByModel.set(model, tables);
  return tables;
}

function nameWeight(model: MatchModel, t: WeightTables, field: 'given' | 'family', c: Comparison, a: PreparedRecord, b: PreparedRecord): number {
  const level = c.levels[field];
  if (level === null) return 0;
  const u = nameU(model, field, level, c, a, b);
  const kind = field === 'given' ? c.names.givenAlias : c.names.familyAlias;
  const alias = t.alias[field];
  if (level === NAME_ALIAS && kind !== null && alias !== null) {
    const k = aliasKindIndex(kind);
    return u > 0 ? (alias.logM[k] as number) - Math.log2(u) : (alias.plain[k] as number);
  }
  if (u > 0) return (t.logM[field][level] as number) - Math.log2(u);
  return t.plain[field][level] as number;
}

const CONDITIONED_FIELDS: readonly FieldName[] = ['sex', 'citizenship', 'contact', 'document'];

/** Sum of field weights without the prior: the Bayes factor in bits. Allocation-free. */
export function fieldWeight(model: MatchModel, c: Comparison, a: PreparedRecord, b: PreparedRecord): number {
  const t = tablesFor(model);
  const levels = c.levels;
  let total = nameWeight(model, t, 'given', c, a, b) + nameWeight(model, t, 'family', c, a, b);
  const birth = levels.birth;
  if (birth !== null) {
    let table: Float64Array;
    if (familyOnlyFor(levels.given, levels.family)) {
      const relatives = t.birthFamilyOnly;
      table = c.birthEstimated ? (c.birthBothEstimated ? relatives.estimatedBoth : relatives.estimated) : relatives.trusted;
    } else table = c.birthEstimated ? (c.birthBothEstimated ? t.birthBothEstimated : t.birthEstimated) : t.plain.birth;
    total += table[birth] as number;
  }
  for (const field of CONDITIONED_FIELDS) {
    const level = levels[field];
    if (level === null) continue;
    const agree = t.namesAgree[field];
    const table = agree !== undefined && namesAgreeFor(field, levels.given, levels.family, c.names.givenAlias) ? agree : t.plain[field];
    total += table[level] as number;
  }
  return total;
}
