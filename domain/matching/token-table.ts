// Name tokens, interned: each distinct folded token is analysed once (Slavic and Thai keys,
// name-form class, Double Metaphone codes) and its comparison data is laid out in flat typed
// arrays, because batch matching compares millions of token pairs and following pointers to
// scattered objects, not the arithmetic, was what cost the time.

import { doubleMetaphone } from './double-metaphone';
import { jaroWinklerAt } from './jaro-winkler';
import { LevelCache } from './level-cache';
import { nameEquivalenceClass } from './name-equivalents';
import { thaiKey } from './thai-romanisation';
import { slavicKey } from './transliterate-cyrillic';

/** Token comparison levels, best first; the name levels of compare-names.ts are built on them. */
export const TOKEN_EXACT = 0;
export const TOKEN_ALIAS = 1;
export const TOKEN_JW92 = 2;
export const TOKEN_JW88 = 3;
export const TOKEN_OTHER = 4;
/** Kept in the level cache for an alias-level pair that only sounds alike; read as TOKEN_ALIAS. */
const TOKEN_ALIAS_BY_SOUND = 5;
/** Kept in the level cache for an alias-level pair one typing slip apart; read as TOKEN_ALIAS. */
const TOKEN_ALIAS_BY_TYPO = 6;

/** What an alias-level token match rests on (see AliasKind in compare-names.ts). */
export type TokenAliasBasis = 'spelling' | 'typo' | 'sound';

const JW_HIGH = 0.92;
const JW_LOW = 0.88;
/**
 * Below this spelling similarity a shared phonetic code is a coincidence: Ion / Ana share AN at
 * 0.0, while a dropped letter in a short name (In / Ion, 0.65) is still a real match.
 */
const PHONETIC_GUARD = 0.6;
/**
 * Tokens shorter than this are never one typing slip apart: among short names one edit turns a
 * name into another name (Ion / Ioan, Ana / Ina) as often as into a slip.
 */
const TYPO_MIN_LENGTH = 4;
/** Phonetic codes compared at this length, so Wongwised / Wongsook (both ANKS at four) differ. */
const COMPARISON_CODE_LENGTH = 8;
/** Per token: plain, Slavic-key and Thai-key forms. */
const FORMS = 3;

export interface TokenInfo {
  readonly text: string;
  readonly slavic: string;
  readonly thai: string;
  readonly equivalence: number;
  readonly metaphone: readonly [string, string];
}

export type TokenMatchReason = 'exact' | 'transliteration' | 'name_form' | 'typo' | 'phonetic' | 'spelling';

// Per token, one record of STRIDE integers, so that everything a comparison reads about a token
// sits in one cache line: the three form ids, the name-form class, the two phonetic code ids,
// the offset and length of each form's characters, and each form's letter set.
const STRIDE = 16;
const F_ID = 0;
const F_CLASS = 3;
const F_CODE = 4;
const F_CHARS = 6;
const F_LETTERS = 12;

/**
 * compute() only asks whether the similarity reaches JW_LOW, and phonetic() whether it reaches
 * PHONETIC_GUARD; starting from just below the threshold lets formSimilarity skip forms that
 * cannot reach it, without moving any result across it.
 */
const JW_LOW_FLOOR = JW_LOW - 1e-9;
const PHONETIC_FLOOR = PHONETIC_GUARD - 1e-9;
/** Margin for the letter bound against rounding: it skips only forms clearly below `best`. */
const BOUND_MARGIN = 1e-9;

export class TokenTable {
  readonly tokens: TokenInfo[] = [];
  private readonly ids = new Map<string, number>();
  private readonly stringIds = new Map<string, number>();
  private readonly levels = new LevelCache(20);
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private meta = new Int32Array(STRIDE * 1024);

  /** The id of a folded token, analysing it the first time it is seen. */
  intern(token: string): number {
    const known = this.ids.get(token);
    if (known !== undefined) return known;
    const id = this.tokens.length;
    const info: TokenInfo = {
      text: token,
      slavic: slavicKey(token),
      thai: thaiKey(token),
      equivalence: nameEquivalenceClass(token),
      metaphone: doubleMetaphone(token, COMPARISON_CODE_LENGTH),
    };
    this.tokens.push(info);
    this.ids.set(token, id);
    this.store(id, info);
    return id;
  }

  info(id: number): TokenInfo {
    const info = this.tokens[id];
    if (info === undefined) throw new RangeError(`unknown token id ${id}`);
    return info;
  }

  /** The comparison level of two tokens (TOKEN_EXACT … TOKEN_OTHER). */
  level(a: number, b: number): number {
    const raw = this.rawLevel(a, b);
    return raw >= TOKEN_ALIAS_BY_SOUND ? TOKEN_ALIAS : raw;
  }

  /** True when two tokens are at the alias level only because they sound alike (Double Metaphone). */
  aliasBySound(a: number, b: number): boolean {
    return this.rawLevel(a, b) === TOKEN_ALIAS_BY_SOUND;
  }

  /**
   * What an alias-level match of two tokens rests on: a transliteration key or listed name form
   * (spelling), one typing slip in the plain or a key form (typo), or sound alone.
   */
  aliasBasis(a: number, b: number): TokenAliasBasis {
    const raw = this.rawLevel(a, b);
    return raw === TOKEN_ALIAS_BY_SOUND ? 'sound' : raw === TOKEN_ALIAS_BY_TYPO ? 'typo' : 'spelling';
  }

  /**
   * How two tokens met, ranked for the alias kinds: 0 exact or by spelling (a key or listed
   * form), 1 one typing slip apart, 2 by sound alone or not at all. One cache lookup, where
   * level() and aliasBasis() would take two.
   */
  basisRank(a: number, b: number): number {
    const raw = this.rawLevel(a, b);
    if (raw === TOKEN_EXACT || raw === TOKEN_ALIAS) return 0;
    return raw === TOKEN_ALIAS_BY_TYPO ? 1 : 2;
  }

  private rawLevel(a: number, b: number): number {
    if (a === b) return TOKEN_EXACT;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const cached = this.levels.get(lo, hi);
    if (cached >= 0) return cached;
    const level = this.compute(lo, hi);
    this.levels.set(lo, hi, level);
    return level;
  }

  /** Why two tokens reached their level, for the explanation shown to a reviewer. */
  reason(a: number, b: number): TokenMatchReason {
    if (a === b) return 'exact';
    const x = this.info(a);
    const y = this.info(b);
    if (x.slavic === y.slavic || x.thai === y.thai) return 'transliteration';
    if (x.equivalence !== 0 && x.equivalence === y.equivalence) return 'name_form';
    if (this.oneSlip(a * STRIDE, b * STRIDE)) return 'typo';
    if (this.phonetic(a * STRIDE, b * STRIDE)) return 'phonetic';
    return 'spelling';
  }

  /**
   * The best spelling similarity over the plain, Slavic-key and Thai-key forms; with a `floor`,
   * the larger of that and the floor (forms that cannot pass the floor are not compared).
   */
  similarity(a: number, b: number, floor = 0): number {
    const ma = a * STRIDE;
    const mb = b * STRIDE;
    const m = this.meta;
    let best = this.formSimilarity(ma, mb, 0, floor);
    // A key often equals the plain form; then there is nothing new to compare.
    for (let form = 1; form < FORMS && best < JW_HIGH; form++) {
      if (m[ma + F_CHARS + 2 * form] !== m[ma + F_CHARS] || m[mb + F_CHARS + 2 * form] !== m[mb + F_CHARS]) {
        best = this.formSimilarity(ma, mb, form, best);
      }
    }
    return best;
  }

  private compute(a: number, b: number): number {
    const ma = a * STRIDE;
    const mb = b * STRIDE;
    const m = this.meta;
    if (m[ma + F_ID] === m[mb + F_ID]) return TOKEN_EXACT;
    if (m[ma + F_ID + 1] === m[mb + F_ID + 1] || m[ma + F_ID + 2] === m[mb + F_ID + 2]) return TOKEN_ALIAS;
    const ca = m[ma + F_CLASS] as number;
    if (ca !== 0 && ca === m[mb + F_CLASS]) return TOKEN_ALIAS;
    if (this.oneSlip(ma, mb)) return TOKEN_ALIAS_BY_TYPO;
    if (this.phonetic(ma, mb)) return TOKEN_ALIAS_BY_SOUND;
    const similarity = this.similarity(a, b, JW_LOW_FLOOR);
    if (similarity >= JW_HIGH) return TOKEN_JW92;
    if (similarity >= JW_LOW) return TOKEN_JW88;
    return TOKEN_OTHER;
  }

  /** One typing slip apart in any one form (plain, Slavic key, Thai key). */
  private oneSlip(ma: number, mb: number): boolean {
    const m = this.meta;
    for (let form = 0; form < FORMS; form++) {
      const oa = m[ma + F_CHARS + 2 * form] as number;
      const la = m[ma + F_CHARS + 2 * form + 1] as number;
      const ob = m[mb + F_CHARS + 2 * form] as number;
      const lb = m[mb + F_CHARS + 2 * form + 1] as number;
      if (la < TYPO_MIN_LENGTH || lb < TYPO_MIN_LENGTH) continue;
      if (form > 0 && oa === m[ma + F_CHARS] && ob === m[mb + F_CHARS]) continue;
      if (withinOneEdit(this.chars, oa, la, ob, lb)) return true;
    }
    return false;
  }

  private phonetic(ma: number, mb: number): boolean {
    const m = this.meta;
    const a1 = m[ma + F_CODE] as number;
    const a2 = m[ma + F_CODE + 1] as number;
    const b1 = m[mb + F_CODE] as number;
    const b2 = m[mb + F_CODE + 1] as number;
    if (a1 < 0 || b1 < 0) return false;
    if (a1 !== b1 && a1 !== b2 && a2 !== b1 && a2 !== b2) return false;
    return this.formSimilarity(ma, mb, 0, PHONETIC_FLOOR) >= PHONETIC_GUARD;
  }

  private formSimilarity(ma: number, mb: number, form: number, best: number): number {
    const m = this.meta;
    const oa = m[ma + F_CHARS + 2 * form] as number;
    const la = m[ma + F_CHARS + 2 * form + 1] as number;
    const ob = m[mb + F_CHARS + 2 * form] as number;
    const lb = m[mb + F_CHARS + 2 * form + 1] as number;
    // The highest Jaro-Winkler two strings of these lengths could reach; skip hopeless pairs.
    const s = Math.min(la, lb);
    const jaroBound = s === 0 ? 0 : (s / la + s / lb + 1) / 3;
    if (jaroBound + 0.4 * (1 - jaroBound) <= best) return best;
    if (best > 0 && this.letterBound(oa, la, ob, lb, m[ma + F_LETTERS + form] as number, m[mb + F_LETTERS + form] as number) < best - BOUND_MARGIN) return best;
    const jw = jaroWinklerAt(this.chars, oa, la, this.chars, ob, lb);
    return jw > best ? jw : best;
  }

  /**
   * An upper bound on the Jaro-Winkler of two forms, from the letters they share: only a letter
   * of one that occurs in the other can match, so the count of such letters on either side
   * bounds the matches. Most pairs of different names share too few letters to reach a
   * threshold, and this costs one pass over each form where Jaro costs a pass per letter.
   */
  private letterBound(oa: number, la: number, ob: number, lb: number, lettersA: number, lettersB: number): number {
    const chars = this.chars;
    let inB = 0;
    for (let i = 0; i < la; i++) if ((lettersB & letterBit(chars[oa + i] as number)) !== 0) inB++;
    let inA = 0;
    for (let j = 0; j < lb; j++) if ((lettersA & letterBit(chars[ob + j] as number)) !== 0) inA++;
    const matches = Math.min(inA, inB);
    if (matches === 0) return 0;
    const jaro = (matches / la + matches / lb + 1) / 3;
    const limit = Math.min(4, la, lb);
    let prefix = 0;
    while (prefix < limit && chars[oa + prefix] === chars[ob + prefix]) prefix++;
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  private internString(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.stringIds.size;
      this.stringIds.set(text, id);
    }
    return id;
  }

  private store(id: number, info: TokenInfo): void {
    if ((id + 1) * STRIDE > this.meta.length) {
      const next = new Int32Array(this.meta.length * 2);
      next.set(this.meta);
      this.meta = next;
    }
    const base = id * STRIDE;
    const forms = [info.text, info.slavic, info.thai];
    for (let form = 0; form < FORMS; form++) {
      const text = forms[form] as string;
      // Each form has its own id space: only plain meets plain, Slavic key meets Slavic key.
      this.meta[base + F_ID + form] = this.internString(`${form}:${text}`);
      // A key equal to the plain form shares its characters, which similarity() relies on.
      const sameAsPlain = form > 0 && text === info.text;
      if (sameAsPlain) {
        this.meta[base + F_CHARS + 2 * form] = this.meta[base + F_CHARS] as number;
      } else {
        if (this.charsUsed + text.length > this.chars.length) this.growChars(text.length);
        this.meta[base + F_CHARS + 2 * form] = this.charsUsed;
        for (let i = 0; i < text.length; i++) this.chars[this.charsUsed++] = text.charCodeAt(i);
      }
      this.meta[base + F_CHARS + 2 * form + 1] = text.length;
      let letters = 0;
      for (let i = 0; i < text.length; i++) letters |= letterBit(text.charCodeAt(i));
      this.meta[base + F_LETTERS + form] = letters;
    }
    this.meta[base + F_CLASS] = info.equivalence;
    const [p, s] = info.metaphone;
    this.meta[base + F_CODE] = p === '' ? -1 : this.internString(`m:${p}`);
    this.meta[base + F_CODE + 1] = s === '' ? -1 : this.internString(`m:${s}`);
  }

  private growChars(extra: number): void {
    const next = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + extra));
    next.set(this.chars);
    this.chars = next;
  }
}

/** A character's bit in a form's letter set; characters that share a bit only loosen the bound. */
function letterBit(code: number): number {
  return 1 << (code & 31);
}

/**
 * Whether two different strings in one character array are one edit apart (optimal string
 * alignment: a letter changed, dropped, added, or two neighbours swapped). The typing slips a
 * registration picks up; Damerau–Levenshtein distance 1 without computing the whole table.
 */
export function withinOneEdit(chars: Uint16Array, oa: number, la: number, ob: number, lb: number): boolean {
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  const shorter = la < lb ? la : lb;
  while (i < shorter && chars[oa + i] === chars[ob + i]) i++;
  if (la === lb) {
    if (i === la) return false;
    // A letter changed at i, or i and i + 1 swapped.
    let rest = i + 1;
    if (rest < la && chars[oa + i] === chars[ob + rest] && chars[oa + rest] === chars[ob + i]) rest++;
    else if (rest < la && chars[oa + rest] !== chars[ob + rest]) return false;
    for (let k = rest; k < la; k++) if (chars[oa + k] !== chars[ob + k]) return false;
    return true;
  }
  // A letter dropped from the longer string at i. (Picked without a tuple: this runs for every
  // uncached token pair, and the array was the batch's largest source of garbage.)
  const lo = la > lb ? oa : ob;
  const ll = la > lb ? la : lb;
  const so = la > lb ? ob : oa;
  for (let k = i; k < ll - 1; k++) if (chars[lo + k + 1] !== chars[so + k]) return false;
  return true;
}
