// Name comparison levels for the given-name and family-name fields. Order does not matter: each
// pair of name variants is compared straight and with given and family swapped, and when one
// side has its whole name in a single field, that field is matched against both of the other's.
// The best alignment wins. A match found only through an alias is never better than "alias".

import type { NameVariant, PreparedRecord } from './prepare';
import { TOKEN_ALIAS, TOKEN_EXACT, TOKEN_OTHER } from './token-table';
import type { TokenTable } from './token-table';

export const NAME_EXACT = 0;
export const NAME_ALIAS = 1;
export const NAME_JW92 = 2;
export const NAME_JW88 = 3;
export const NAME_OTHER = 4;

/**
 * Which fields met: `straight` (given with given), `swapped` (A's given with B's family),
 * `one_field_a` / `one_field_b` (that side's only filled field against both of the other's).
 */
export type NameAlignment = 'straight' | 'swapped' | 'one_field_a' | 'one_field_b';

/**
 * What an "alias or phonetic" match rests on. `spelling`: every name of either side met a name
 * of the other at least as a transliteration or listed form of one name (Serhii / Sergey, Mykola
 * / Nikolai), or the match is through a recorded alias. `subset`: so did every name of one side,
 * but the other has a name left over (a dropped middle name or second surname). `typo`: as
 * spelling, except that one name met its partner only one typing slip apart (a letter changed,
 * dropped, doubled or two swapped). `partial`: anything else, mostly names that only sound alike
 * (Double Metaphone). The four are far apart as evidence, so each has its own m and u.
 */
export type AliasKind = 'spelling' | 'subset' | 'typo' | 'partial';

/** The alias kinds in the order of the model's split parameters. */
export const ALIAS_KINDS: readonly AliasKind[] = ['spelling', 'subset', 'typo', 'partial'];

/** Index of a kind in ALIAS_KINDS. */
export function aliasKindIndex(kind: AliasKind): number {
  return kind === 'spelling' ? 0 : kind === 'subset' ? 1 : kind === 'typo' ? 2 : 3;
}

export interface NameComparison {
  given: number | null;
  family: number | null;
  alignment: NameAlignment;
  /** Indexes into each record's `names` of the variants that gave the result (0 = primary). */
  variantA: number;
  variantB: number;
  /** For a field at NAME_ALIAS, what the match rests on; otherwise null. */
  givenAlias: AliasKind | null;
  familyAlias: AliasKind | null;
}

export interface VariantResult {
  given: number | null;
  family: number | null;
  alignment: NameAlignment;
}

/** Worst, over the tokens of `from`, of each token's best level against `to`. */
function coverage(table: TokenTable, from: readonly number[], to: readonly number[]): number {
  let worst = TOKEN_EXACT;
  for (const a of from) {
    let best = TOKEN_OTHER;
    for (const b of to) {
      const level = table.level(a, b);
      if (level < best) best = level;
      if (best === TOKEN_EXACT) break;
    }
    if (best > worst) worst = best;
    if (worst === TOKEN_OTHER) break;
  }
  return worst;
}

// Scratch space for one field's token-by-token levels, so a comparison allocates nothing.
let matrix = new Int8Array(64);

/**
 * One field's level. The better of the two directions counts, so a dropped middle name still
 * matches; but a subset is not an exact match, so it is capped at the alias level. Each token
 * pair is compared once and both directions are read from the same matrix.
 */
export function compareTokenSets(table: TokenTable, a: readonly number[], b: readonly number[]): number | null {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return null;
  if (la === 1 && lb === 1) return table.level(a[0] as number, b[0] as number);
  if (la * lb > matrix.length) matrix = new Int8Array(la * lb * 2);
  for (let i = 0; i < la; i++) for (let j = 0; j < lb; j++) matrix[i * lb + j] = table.level(a[i] as number, b[j] as number);
  let ab = TOKEN_EXACT;
  for (let i = 0; i < la; i++) {
    let best = TOKEN_OTHER;
    for (let j = 0; j < lb; j++) best = Math.min(best, matrix[i * lb + j] as number);
    ab = Math.max(ab, best);
  }
  let ba = TOKEN_EXACT;
  for (let j = 0; j < lb; j++) {
    let best = TOKEN_OTHER;
    for (let i = 0; i < la; i++) best = Math.min(best, matrix[i * lb + j] as number);
    ba = Math.max(ba, best);
  }
  const level = Math.min(ab, ba);
  if (level === TOKEN_EXACT && ab !== ba) return TOKEN_ALIAS;
  return level;
}

// Missing counts as a middling level when choosing an alignment, so that swapping is chosen only
// when it really aligns more names, not merely because it turns a poor level into a missing one.
const MISSING_COST = 2.5;

function cost(level: number | null): number {
  return level === null ? MISSING_COST : level;
}

function oneFieldOnly(v: NameVariant): readonly number[] | null {
  if (v.given.length > 0 && v.family.length === 0) return v.given;
  if (v.family.length > 0 && v.given.length === 0) return v.family;
  return null;
}

function bothFields(v: NameVariant): boolean {
  return v.given.length > 0 && v.family.length > 0;
}

function set(out: VariantResult, given: number | null, family: number | null, alignment: NameAlignment): VariantResult {
  out.given = given;
  out.family = family;
  out.alignment = alignment;
  return out;
}

/** Compare two name variants into `out` (reused by batch callers to avoid allocation). */
export function compareVariants(table: TokenTable, a: NameVariant, b: NameVariant, out: VariantResult = { given: null, family: null, alignment: 'straight' }): VariantResult {
  const given = compareTokenSets(table, a.given, b.given);
  const family = compareTokenSets(table, a.family, b.family);
  if (given === NAME_EXACT && family === NAME_EXACT) return set(out, given, family, 'straight');
  // A whole name typed into one field: find each of the other side's fields inside it.
  const poolA = bothFields(b) ? oneFieldOnly(a) : null;
  if (poolA !== null) return set(out, coverage(table, b.given, poolA), coverage(table, b.family, poolA), 'one_field_a');
  const poolB = bothFields(a) ? oneFieldOnly(b) : null;
  if (poolB !== null) return set(out, coverage(table, a.given, poolB), coverage(table, a.family, poolB), 'one_field_b');
  // Swapping wins only by costing less than the straight alignment. At a cost of two or less
  // that would need B's given and family names to match each other, so it is not tried.
  const straightCost = cost(given) + cost(family);
  if (straightCost <= 2) return set(out, given, family, 'straight');
  const swappedGiven = compareTokenSets(table, a.given, b.family);
  const swappedFamily = compareTokenSets(table, a.family, b.given);
  if (cost(swappedGiven) + cost(swappedFamily) < straightCost) return set(out, swappedGiven, swappedFamily, 'swapped');
  return set(out, given, family, 'straight');
}

function capForAlias(level: number | null, viaAlias: boolean): number | null {
  return viaAlias && level === NAME_EXACT ? NAME_ALIAS : level;
}

const variantScratch: VariantResult = { given: null, family: null, alignment: 'straight' };

export function emptyNameComparison(): NameComparison {
  return { given: null, family: null, alignment: 'straight', variantA: 0, variantB: 0, givenAlias: null, familyAlias: null };
}

/**
 * How every token of `from` met `to`: 0 when each met a token by spelling (exact, key, listed
 * form), 1 when exactly one met only one typing slip away and the rest by spelling, 2 otherwise.
 */
function coverageBasis(table: TokenTable, from: readonly number[], to: readonly number[]): number {
  let typos = 0;
  for (const x of from) {
    // 0 exact or spelling, 1 one typing slip, 2 sound alone or worse: the best partner counts.
    let best = 2;
    for (const y of to) {
      const rank = table.basisRank(x, y);
      if (rank < best) best = rank;
      if (best === 0) break;
    }
    if (best === 2) return 2;
    if (best === 1 && ++typos > 1) return 2;
  }
  return typos;
}

// The tokens one field compared under an alignment, as two functions rather than one returning
// a pair: aliasKind runs for every alias-level pair of the batch, and the pair was garbage.

/** The side of a field that must be covered under an alignment. */
function fieldFrom(a: NameVariant, b: NameVariant, alignment: NameAlignment, field: 'given' | 'family'): readonly number[] {
  return alignment === 'one_field_a' ? b[field] : a[field];
}

/** The side it is covered from. */
function fieldTo(a: NameVariant, b: NameVariant, alignment: NameAlignment, field: 'given' | 'family'): readonly number[] {
  const other = field === 'given' ? 'family' : 'given';
  switch (alignment) {
    case 'straight':
      return b[field];
    case 'swapped':
      return b[other];
    case 'one_field_a':
      return oneFieldOnly(a) ?? NO_TOKENS;
    case 'one_field_b':
      return oneFieldOnly(b) ?? NO_TOKENS;
  }
}

const NO_TOKENS: readonly number[] = [];

/** What a field's alias-level match rests on (see AliasKind). */
export function aliasKind(table: TokenTable, a: NameVariant, b: NameVariant, alignment: NameAlignment, field: 'given' | 'family'): AliasKind {
  const from = fieldFrom(a, b, alignment, field);
  const to = fieldTo(a, b, alignment, field);
  // A field found inside a whole name in one field is covered one way by design.
  if (alignment === 'one_field_a' || alignment === 'one_field_b') return kindOf(coverageBasis(table, from, to));
  const ab = coverageBasis(table, from, to);
  const ba = coverageBasis(table, to, from);
  if (from.length === to.length) return ab === 2 || ba === 2 ? 'partial' : kindOf(Math.max(ab, ba));
  // A name left over on the longer side: the shorter side must be met by spelling.
  const shorter = from.length < to.length ? ab : ba;
  return shorter === 0 ? 'subset' : 'partial';
}

function kindOf(basis: number): AliasKind {
  return basis === 0 ? 'spelling' : basis === 1 ? 'typo' : 'partial';
}

/** The best alignment over all name variants of A and B, written into `out`. */
export function compareNames(table: TokenTable, a: PreparedRecord, b: PreparedRecord, out: NameComparison = emptyNameComparison()): NameComparison {
  let bestCost = Infinity;
  out.given = null;
  out.family = null;
  out.alignment = 'straight';
  out.variantA = 0;
  out.variantB = 0;
  for (let i = 0; i < a.names.length; i++) {
    for (let j = 0; j < b.names.length; j++) {
      const viaAlias = i > 0 || j > 0;
      const result = compareVariants(table, a.names[i] as NameVariant, b.names[j] as NameVariant, variantScratch);
      const given = capForAlias(result.given, viaAlias);
      const family = capForAlias(result.family, viaAlias);
      const c = cost(given) + cost(family);
      if (c < bestCost) {
        bestCost = c;
        out.given = given;
        out.family = family;
        out.alignment = result.alignment;
        out.variantA = i;
        out.variantB = j;
      }
    }
  }
  out.givenAlias = null;
  out.familyAlias = null;
  if (out.given === NAME_ALIAS || out.family === NAME_ALIAS) {
    const va = a.names[out.variantA] as NameVariant;
    const vb = b.names[out.variantB] as NameVariant;
    if (out.given === NAME_ALIAS) out.givenAlias = aliasKind(table, va, vb, out.alignment, 'given');
    if (out.family === NAME_ALIAS) out.familyAlias = aliasKind(table, va, vb, out.alignment, 'family');
  }
  return out;
}
