// Blocking: which records are worth comparing at all. Each name token gives phonetic codes (the
// Double Metaphone of its plain, Slavic-key and Thai-key forms); a record is filed under each
// code with its birth year, under each pair of codes from one name without a year, and under
// its exact birth date when that date is trusted. A query looks in the neighbouring years (±2,
// for estimated ages), in the code pairs (for missing or badly estimated years) and at its date
// (for names garbled beyond phonetics), so variants, swapped order and shifted dates still meet.

import { doubleMetaphone } from './double-metaphone';
import type { PreparedRecord } from './prepare';
import type { TokenTable } from './token-table';

export interface BlockingOptions {
  /** Years either side of the birth year to look in. */
  yearWindow?: number;
  /** Postings longer than this are skipped at query time: a code shared by that many records says little. */
  maxPostingLength?: number;
  /**
   * A code shared by more records than this (a common given name) is looked up in the query's
   * own birth year only: not the neighbouring years, not among records without a year, and not
   * across all years for a query without one. The code pairs still find variants of the other
   * name in any year, and this keeps common names from flooding the candidates.
   */
  commonCode?: number;
}

const DEFAULTS = { yearWindow: 2, maxPostingLength: 20_000, commonCode: 200 };

// Keys are numbered, once per record: the scan looks postings up by number in an array. A key
// is named by the numbers of its codes, not by text: building a string per code, year and pair
// of codes and hashing it was a tenth of the batch, and most of its garbage.
interface BlockingKeys {
  /** Keys the record is filed under. */
  post: number[];
  /** Keys a query always scans: code pairs and the trusted date. */
  scan: number[];
  /** Per code: its key over all years, its own year's key (-1 without a year), and the keys scanned only when the code is not common. */
  codeKeys: { all: number; own: number; rare: number[] }[];
}

/** The keys of one code: over all years, without a year, and by year. */
interface CodeKeys {
  all: number;
  unknown: number;
  years: Map<number, number>;
}

/** Code numbers stay below this, so that a pair of them is one exact integer below 2^53. */
const MAX_CODES = 2 ** 26;

export class BlockingIndex {
  /** Per key number, the records filed under it (in the order added). */
  private readonly postings: (number[] | undefined)[] = [];
  private readonly codes: (readonly string[] | undefined)[] = [];
  /** Each distinct code's number, and each token's codes by number. */
  private readonly codeIds = new Map<string, number>();
  private readonly tokenCodeIds: (readonly number[] | undefined)[] = [];
  private readonly codeKeys: CodeKeys[] = [];
  /** Keys of code pairs, by lower code number × MAX_CODES + higher; and of trusted dates. */
  private readonly pairKeys = new Map<number, number>();
  private readonly dateKeys = new Map<string, number>();
  private readonly keyCache = new WeakMap<PreparedRecord, BlockingKeys>();
  private stamp = new Int32Array(1024);
  private query = 0;
  /** The last collect()'s records, in the order found; valid up to its count. */
  found = new Int32Array(1024);
  private foundCount = 0;
  private readonly options: typeof DEFAULTS;

  constructor(
    private readonly table: TokenTable,
    options: BlockingOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The blocking codes of one token, computed once per distinct token. */
  tokenCodes(id: number): readonly string[] {
    const known = this.codes[id];
    if (known !== undefined) return known;
    const info = this.table.info(id);
    let codes: string[];
    if (info.text.length < 2) codes = [];
    else if (!/[a-z]/.test(info.text)) codes = [`=${info.text}`];
    else codes = [...new Set([doubleMetaphone(info.text)[0], doubleMetaphone(info.slavic)[0], doubleMetaphone(info.thai)[0]])].filter((c) => c !== '');
    if (info.equivalence !== 0) codes.push(`#${info.equivalence}`);
    this.codes[id] = codes;
    return codes;
  }

  /** A token's codes by number; the same code always has the same number. */
  private tokenCodeNumbers(id: number): readonly number[] {
    const known = this.tokenCodeIds[id];
    if (known !== undefined) return known;
    const numbers = this.tokenCodes(id).map((code) => {
      let n = this.codeIds.get(code);
      if (n === undefined) {
        n = this.codeIds.size;
        if (n >= MAX_CODES) throw new RangeError('too many distinct blocking codes');
        this.codeIds.set(code, n);
        this.codeKeys.push({ all: this.newKey(), unknown: this.newKey(), years: new Map() });
      }
      return n;
    });
    this.tokenCodeIds[id] = numbers;
    return numbers;
  }

  private keysOf(record: PreparedRecord): BlockingKeys {
    const cached = this.keyCache.get(record);
    if (cached !== undefined) return cached;
    const single = new Set<number>();
    const pairs = new Set<number>();
    for (const variant of record.names) {
      const tokenCodes = [...variant.given, ...variant.family].map((id) => this.tokenCodeNumbers(id));
      for (let i = 0; i < tokenCodes.length; i++) {
        for (const c of tokenCodes[i] as readonly number[]) {
          single.add(c);
          // Two names with the same code (Daniela Dănilă) make a pair of their own too.
          for (let j = i + 1; j < tokenCodes.length; j++) for (const d of tokenCodes[j] as readonly number[]) pairs.add(this.pairKey(c, d));
        }
      }
    }
    const birth = record.birth;
    const { yearWindow } = this.options;
    // An estimated year is filed under the neighbouring years too, so that together with the
    // query's own window it reaches as far as the weak-date comparison does (four years).
    const spread = birth?.weak === true ? yearWindow : 0;
    const pairIds = [...pairs];
    const keys: BlockingKeys = { post: [...pairIds], scan: pairIds, codeKeys: [] };
    for (const code of single) {
      const codeKeys = this.codeKeys[code] as CodeKeys;
      const all = codeKeys.all;
      keys.post.push(all);
      if (birth === null) {
        keys.post.push(codeKeys.unknown);
        keys.codeKeys.push({ all, own: -1, rare: [all] });
      } else {
        for (let y = birth.year - spread; y <= birth.year + spread; y++) keys.post.push(this.yearKey(codeKeys, y));
        const rare = [codeKeys.unknown];
        for (let y = birth.year - yearWindow; y <= birth.year + yearWindow; y++) if (y !== birth.year) rare.push(this.yearKey(codeKeys, y));
        keys.codeKeys.push({ all, own: this.yearKey(codeKeys, birth.year), rare });
      }
    }
    const date = trustedDate(record);
    if (date !== null) {
      let id = this.dateKeys.get(date);
      if (id === undefined) {
        id = this.newKey();
        this.dateKeys.set(date, id);
      }
      keys.post.push(id);
      keys.scan.push(id);
    }
    this.keyCache.set(record, keys);
    return keys;
  }

  /** The key of two codes together, whichever order they come in. */
  private pairKey(c: number, d: number): number {
    const n = c < d ? c * MAX_CODES + d : d * MAX_CODES + c;
    let id = this.pairKeys.get(n);
    if (id === undefined) {
      id = this.newKey();
      this.pairKeys.set(n, id);
    }
    return id;
  }

  private yearKey(codeKeys: CodeKeys, year: number): number {
    let id = codeKeys.years.get(year);
    if (id === undefined) {
      id = this.newKey();
      codeKeys.years.set(year, id);
    }
    return id;
  }

  private newKey(): number {
    this.postings.push(undefined);
    return this.postings.length - 1;
  }

  add(index: number, record: PreparedRecord): void {
    for (const key of this.keysOf(record).post) {
      const list = this.postings[key];
      if (list === undefined) this.postings[key] = [index];
      else if (list[list.length - 1] !== index) list.push(index);
    }
  }

  /** Every indexed record that shares a block with `record`, each once, into `out`. */
  candidates(record: PreparedRecord, out: number[]): number[] {
    out.length = 0;
    const count = this.collect(record);
    for (let k = 0; k < count; k++) out.push(this.found[k] as number);
    return out;
  }

  /**
   * The same into `found`, returning how many. For the batch scan: emptying a plain array frees
   * its storage, so refilling one for each of 25,000 queries kept reallocating it.
   */
  collect(record: PreparedRecord): number {
    this.foundCount = 0;
    const stampValue = ++this.query;
    const keys = this.keysOf(record);
    const { maxPostingLength, commonCode } = this.options;
    for (const key of keys.scan) this.scan(key, maxPostingLength, stampValue);
    for (const { all, own, rare } of keys.codeKeys) {
      if (own >= 0) this.scan(own, maxPostingLength, stampValue);
      if ((this.postings[all]?.length ?? 0) > commonCode) continue;
      for (const key of rare) this.scan(key, maxPostingLength, stampValue);
    }
    return this.foundCount;
  }

  private scan(key: number, limit: number, stampValue: number): void {
    const list = this.postings[key];
    if (list === undefined || list.length > limit) return;
    for (const index of list) {
      if (index >= this.stamp.length) this.growStamp(index);
      if (this.stamp[index] === stampValue) continue;
      this.stamp[index] = stampValue;
      if (this.foundCount === this.found.length) this.growFound();
      this.found[this.foundCount++] = index;
    }
  }

  private growFound(): void {
    const next = new Int32Array(this.found.length * 2);
    next.set(this.found);
    this.found = next;
  }

  private growStamp(index: number): void {
    const next = new Int32Array(Math.max(index + 1, this.stamp.length * 2));
    next.set(this.stamp);
    this.stamp = next;
  }
}

/** A full birth date that is not an estimate or a 1 January default, as a blocking key. */
function trustedDate(record: PreparedRecord): string | null {
  const b = record.birth;
  if (b === null || b.weak || b.month === null || b.day === null) return null;
  return `@${b.year}-${b.month}-${b.day}`;
}
