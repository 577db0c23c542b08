// Expectation maximisation over the blocked candidate pairs: the prior P(match) and, as Splink
// does, the m-probabilities, starting from (and pulled towards) the documented expert values.
// Within blocks, different people agree on names far more often than random pairs do, so the
// non-match side gets its own level shares there ("u within blocks"), fitted together with the
// share of matches λ. Blocking is assumed to keep nearly all true pairs, so the prior over all
// pairs is λ × candidates / all pairs.
//
// EM over every candidate pair at once finds the wrong two classes: names are what blocking
// selected on, and "shares a common given name" is as good a latent class as "same person". So
// m is estimated in two sessions, each over pairs that some rule brought together regardless of
// the fields it estimates (Splink's way, one session per blocking rule):
//   A. pairs whose trusted birth dates agree exactly (blocking files every trusted date, so these
//      pairs met whatever their names): m of the given and family names;
//   B. pairs whose given and family names both agree (exact or alias): m of birth date (trusted,
//      one estimated, both estimated), sex, citizenship, contact and document, with the names'
//      m held at the expert values (holding them at session A's values was tried and did worse).
// The prior is then fitted over all candidate pairs with every m held.
//
// Comparison vectors are counted by pattern first: there are at most a few thousand distinct
// patterns, so each EM step costs nothing next to the comparisons themselves.

import type { Comparison } from './compare';
import { ALIAS_KINDS, aliasKindIndex, NAME_ALIAS } from './compare-names';
import type { AliasKind } from './compare-names';
import { birthParameters, familyOnlyFor, FIELD_SPECS, withM } from './model';
import type { FieldName, FieldSpec, MatchModel } from './model';

/**
 * The fields as EM sees them: birth is split into comparisons of two trusted dates, of one
 * estimated date, and of two estimated dates, which have different m-values; each pair has a
 * level in one of the three and "missing" in the others.
 */
type BirthKind = 'trusted' | 'one' | 'both';

/**
 * A field as EM sees it. Names have more slots than levels: the alias level is split by what the
 * match rests on (slots 1 to 4: spelling, subset, typo, partial; see AliasKind), as the model's m
 * and u are.
 */
interface EmField {
  spec: FieldSpec;
  birth: BirthKind | null;
  name: boolean;
  slots: number;
}

/** Slots a name field has beyond its levels: the alias level takes one per kind. */
const EXTRA_NAME_SLOTS = ALIAS_KINDS.length - 1;

const EM_FIELDS: readonly EmField[] = FIELD_SPECS.flatMap((spec): EmField[] => {
  const name = spec.name === 'given' || spec.name === 'family';
  const slots = spec.levels.length + (name ? EXTRA_NAME_SLOTS : 0);
  if (spec.mEstimated === undefined) return [{ spec, birth: null, name, slots }];
  return (['trusted', 'one', 'both'] as const).map((birth) => ({ spec, birth, name, slots }));
});

/** One slot per level (names: per level and alias kind) plus one for "missing", per field. */
const RADICES = EM_FIELDS.map((f) => f.slots + 1);

export const PATTERN_COUNT = RADICES.reduce((a, b) => a * b, 1);

function birthKindOf(c: Comparison): BirthKind {
  if (!c.birthEstimated) return 'trusted';
  return c.birthBothEstimated ? 'both' : 'one';
}

/** A name level and alias kind as a slot, and back. */
function nameSlot(level: number, kind: AliasKind | null): number {
  if (level < NAME_ALIAS) return level;
  if (level === NAME_ALIAS) return NAME_ALIAS + aliasKindIndex(kind ?? 'partial');
  return level + EXTRA_NAME_SLOTS;
}

function slotLevel(field: EmField, slot: number): number {
  if (!field.name || slot <= NAME_ALIAS) return slot;
  return slot <= NAME_ALIAS + EXTRA_NAME_SLOTS ? NAME_ALIAS : slot - EXTRA_NAME_SLOTS;
}

function slotIn(field: EmField, c: Comparison): number | null {
  const level = c.levels[field.spec.name as FieldName];
  if (level === null) return null;
  if (field.name) return nameSlot(level, field.spec.name === 'given' ? c.names.givenAlias : c.names.familyAlias);
  if (field.birth === null) return level;
  return birthKindOf(c) === field.birth ? level : null;
}

/** A comparison vector as one small integer. */
export function patternOf(c: Comparison): number {
  let pattern = 0;
  for (let f = EM_FIELDS.length - 1; f >= 0; f--) {
    const field = EM_FIELDS[f] as EmField;
    const slot = slotIn(field, c);
    pattern = pattern * (RADICES[f] as number) + (slot === null ? field.slots : slot);
  }
  return pattern;
}

function decode(pattern: number): number[] {
  const out: number[] = [];
  let rest = pattern;
  for (let f = 0; f < EM_FIELDS.length; f++) {
    const radix = RADICES[f] as number;
    out.push(rest % radix);
    rest = Math.floor(rest / radix);
  }
  return out;
}

/** m or u of one EM field per slot under a model. */
function slotParameters(field: EmField, model: MatchModel, which: 'm' | 'u'): number[] {
  const params = model.fields[field.spec.name];
  if (field.birth !== null && field.birth !== 'trusted') return [...birthParameters(params, true, field.birth === 'both')[which]];
  const values = params[which];
  if (!field.name) return [...values];
  const alias = values[NAME_ALIAS] as number;
  // Without a split in the model, the alias level is shared out as the expert split shares it.
  const expert = field.spec.mAlias ?? ALIAS_KINDS.map(() => 1);
  const total = expert.reduce((a, b) => a + b, 0);
  const split = params.alias?.[which] ?? expert.map((x) => (alias * x) / total);
  return [values[0] as number, ...split, ...values.slice(2)];
}

function modelM(field: EmField, model: MatchModel, slot: number): number {
  return slotParameters(field, model, 'm')[slot] ?? 0;
}

/**
 * log2 of the product of m over the fields a pattern has values for: the part of a pair's field
 * weight that depends on m. A pair's weight under another m is its weight plus the difference.
 */
export function logMOfPattern(model: MatchModel, pattern: number): number {
  const slots = decode(pattern);
  let sum = 0;
  for (let f = 0; f < EM_FIELDS.length; f++) {
    const field = EM_FIELDS[f] as EmField;
    const slot = slots[f] as number;
    if (slot < field.slots) sum += Math.log2(modelM(field, model, slot));
  }
  return sum;
}

export interface PatternPrior {
  prior: number;
  /** Share of candidate pairs that are matches. */
  withinCandidates: number;
  iterations: number;
}

/** A pattern's levels by field, null where missing; birth is split by how estimated the dates are. */
export interface PatternLevels {
  given: number | null;
  family: number | null;
  birth: number | null;
  birthEstimated: number | null;
  birthBothEstimated: number | null;
  sex: number | null;
  citizenship: number | null;
  contact: number | null;
  document: number | null;
}

type EmKey = keyof PatternLevels;

const EM_KEYS: readonly EmKey[] = EM_FIELDS.map((f) =>
  f.birth === 'one' ? 'birthEstimated' : f.birth === 'both' ? 'birthBothEstimated' : (f.spec.name as EmKey),
);

function levelsOf(decoded: readonly number[]): PatternLevels {
  const out = {} as PatternLevels;
  EM_FIELDS.forEach((field, f) => {
    const slot = decoded[f] as number;
    out[EM_KEYS[f] as EmKey] = slot === field.slots ? null : slotLevel(field, slot);
  });
  return out;
}

export interface PatternFitOptions {
  /** The fields whose m is estimated; the others keep the model's m. None: only the prior is fitted. */
  estimate?: readonly EmKey[];
  /**
   * How many matches' worth of weight the starting m carries (a Dirichlet prior, so this is a
   * MAP estimate): with thousands of matches the data decide, with a few dozen the expert values
   * still hold, and a level never seen among matches keeps about strength × expert m / matches
   * instead of zero.
   */
  strength?: number;
  /** Only patterns passing this test take part: an EM session over the pairs one rule selects. */
  where?: (levels: PatternLevels) => boolean;
  /** The largest share of matches allowed among the pairs (0.5 over all candidates). */
  maxShare?: number;
  maxIterations?: number;
}

/** Pseudo-counts of matches given to the expert m; see PatternFitOptions.strength. */
export const EXPERT_M_STRENGTH = 200;

export interface PatternFit extends PatternPrior {
  /** m per EM field, fitted or as given. */
  m: Record<EmKey, number[]>;
}

/**
 * EM over the comparison patterns of candidate pairs: the share of matches λ, the non-matches'
 * level shares within blocks and, for the fields in `estimate`, the matches' level shares m.
 */
export function fitPatterns(counts: ArrayLike<number>, model: MatchModel, totalPairs: number, options: PatternFitOptions = {}): PatternFit {
  const strength = options.strength ?? EXPERT_M_STRENGTH;
  const maxIterations = options.maxIterations ?? 200;
  const estimate = EM_KEYS.map((key) => options.estimate?.includes(key) ?? false);
  const patterns: number[][] = [];
  const weights: number[] = [];
  let candidates = 0;
  for (let p = 0; p < counts.length; p++) {
    const c = counts[p] as number;
    if (c === 0) continue;
    const levels = decode(p);
    if (options.where !== undefined && !options.where(levelsOf(levels))) continue;
    patterns.push(levels);
    weights.push(c);
    candidates += c;
  }
  const start = EM_FIELDS.map((field) => slotParameters(field, model, 'm'));
  let m = start.map((values) => [...values]);
  const result = (prior: number, lambda: number, iterations: number): PatternFit => ({
    prior,
    withinCandidates: lambda,
    iterations,
    m: Object.fromEntries(EM_KEYS.map((key, f) => [key, m[f] as number[]])) as Record<EmKey, number[]>,
  });
  if (candidates === 0 || totalPairs <= 0) return result(1e-6, 0, 0);
  // Start u within blocks from the plain level shares, which is what it would be with no matches;
  // or, in a session (where matches may be half the pairs or more), from the model's u of random
  // pairs with λ at a half, so that EM does not settle on "nothing here is a match".
  const session = options.where !== undefined;
  let u = EM_FIELDS.map((field, f) => (session ? slotParameters(field, model, 'u') : shares(patterns, weights, f, field.slots, () => 1)));
  let lambda = session ? 0.5 : 0.01;
  let iterations = 0;
  const responsibility = new Float64Array(patterns.length);
  for (; iterations < maxIterations; iterations++) {
    let matched = 0;
    for (let k = 0; k < patterns.length; k++) {
      const levels = patterns[k] as number[];
      let mProduct = 1;
      let uProduct = 1;
      for (let f = 0; f < levels.length; f++) {
        const level = levels[f] as number;
        // A missing value is equally likely in both classes, so it drops out.
        if (level < (u[f] as number[]).length) {
          mProduct *= (m[f] as number[])[level] as number;
          uProduct *= (u[f] as number[])[level] as number;
        }
      }
      const pm = lambda * mProduct;
      const r = pm / (pm + (1 - lambda) * uProduct);
      responsibility[k] = r;
      matched += r * (weights[k] as number);
    }
    const next = Math.min(options.maxShare ?? 0.5, Math.max(1e-9, matched / candidates));
    u = EM_FIELDS.map((field, f) => shares(patterns, weights, f, field.slots, (k) => 1 - (responsibility[k] as number)));
    let moved = Math.abs(next - lambda);
    m = EM_FIELDS.map((field, f) => {
      const old = m[f] as number[];
      if (!estimate[f]) return old;
      const fresh = shares(patterns, weights, f, field.slots, (k) => responsibility[k] as number, (start[f] as number[]).map((x) => x * strength));
      fresh.forEach((x, l) => (moved = Math.max(moved, Math.abs(x - (old[l] as number)))));
      return fresh;
    });
    lambda = next;
    if (moved < 1e-9) break;
  }
  const prior = Math.min(0.5, Math.max(1e-12, (lambda * candidates) / totalPairs));
  return result(prior, lambda, iterations);
}

/** The prior alone, with m held at the model's values. */
export function estimatePriorFromPatterns(counts: ArrayLike<number>, model: MatchModel, totalPairs: number, maxIterations = 200): PatternPrior {
  const { prior, withinCandidates, iterations } = fitPatterns(counts, model, totalPairs, { maxIterations });
  return { prior, withinCandidates, iterations };
}

export interface SessionSummary {
  /** Candidate pairs the session's rule selected. */
  pairs: number;
  /** Of them, the share EM took for matches. */
  matchShare: number;
  iterations: number;
}

export interface MFit {
  /** m per field (names' alias level the sum of its split), as `withM` takes it. */
  m: Record<FieldName, number[]>;
  /** Names: m of the alias level split by kind (ALIAS_KINDS). */
  alias: { given: number[]; family: number[] };
  prior: number;
  sessions: { names: SessionSummary; others: SessionSummary };
}

const agrees = (level: number | null): boolean => level !== null && level <= NAME_ALIAS;
/**
 * Session A's rule: trusted dates agree exactly. Pairs that share a family name but not a given
 * name are left out: among people born the same day these are twins, whom EM would otherwise
 * take for duplicates with a different given name (it then gave "given name other" four times
 * the share it has among duplicates, and twins that much more weight).
 */
const sameTrustedDate = (l: PatternLevels): boolean => l.birth === 0 && !familyOnlyFor(l.given, l.family);
const sameNames = (l: PatternLevels): boolean => agrees(l.given) && agrees(l.family);

/** A name field's m per slot as the model's levels and alias split. */
function fromSlots(slots: readonly number[]): { levels: number[]; alias: number[] } {
  const alias = slots.slice(NAME_ALIAS, NAME_ALIAS + ALIAS_KINDS.length);
  return { levels: [slots[0] as number, alias.reduce((a, b) => a + b, 0), ...slots.slice(NAME_ALIAS + ALIAS_KINDS.length)], alias };
}

/**
 * m in two sessions (see the top of this file), then the prior with every m held. The m of
 * estimated birth dates stays expert: EM gave them to namesakes (it put 15 % of duplicates with
 * one estimated date at "more than two years apart", where the synthetic data has none), because
 * among pairs whose names agree only the birth date tells a namesake from a duplicate.
 */
export function fitMAndPrior(counts: ArrayLike<number>, model: MatchModel, totalPairs: number, strength = EXPERT_M_STRENGTH): MFit {
  const names = fitPatterns(counts, model, totalPairs, { estimate: ['given', 'family'], where: sameTrustedDate, strength, maxShare: 0.99 });
  const others = fitPatterns(counts, model, totalPairs, {
    estimate: ['birth', 'sex', 'citizenship', 'contact', 'document'],
    where: sameNames,
    strength,
    maxShare: 0.99,
  });
  const given = fromSlots(names.m.given);
  const family = fromSlots(names.m.family);
  const m = {} as Record<FieldName, number[]>;
  for (const spec of FIELD_SPECS) m[spec.name] = others.m[spec.name];
  m.given = given.levels;
  m.family = family.levels;
  const alias = { given: given.alias, family: family.alias };
  const { prior } = estimatePriorFromPatterns(counts, withM(model, m, {}, alias), totalPairs);
  const summary = (fit: PatternFit, where: (l: PatternLevels) => boolean): SessionSummary => {
    let pairs = 0;
    for (let p = 0; p < counts.length; p++) if ((counts[p] as number) > 0 && where(levelsOf(decode(p)))) pairs += counts[p] as number;
    return { pairs, matchShare: fit.withinCandidates, iterations: fit.iterations };
  };
  return { m, alias, prior, sessions: { names: summary(names, sameTrustedDate), others: summary(others, sameNames) } };
}

/**
 * Level shares of one field over the patterns, each weighted by count × `share(k)`, plus
 * optional pseudo-counts per level; missing skipped.
 */
function shares(patterns: readonly number[][], weights: readonly number[], field: number, levels: number, share: (k: number) => number, pseudo?: readonly number[]): number[] {
  const sums = pseudo === undefined ? new Array<number>(levels).fill(1e-9) : pseudo.map((x) => x + 1e-9);
  for (let k = 0; k < patterns.length; k++) {
    const level = (patterns[k] as number[])[field] as number;
    if (level < levels) sums[level] = (sums[level] as number) + (weights[k] as number) * share(k);
  }
  const total = sums.reduce((a, b) => a + b, 0);
  return sums.map((s) => s / total);
}
