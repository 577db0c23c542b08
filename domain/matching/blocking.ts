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

// Keys are built as strings and then numbered, once per record: the scan looks postings up by
// number in an array, where string keys cost a hash lookup (and a comparison of the text) each,
// and kept a few million key strings alive through the scan.
interface BlockingKeys {
  /** Keys the record is filed under. */
  post: number[];
  /** Keys a query always scans: code pairs and the trusted date. */
  scan: number[];
  /** Per code: its key over all years, its own year's key (-1 without a year), and the keys scanned only when the code is not common. */
  codeKeys: { all: number; own: number; rare: number[] }[];
}

export class BlockingIndex {
  private readonly keyIds = new Map<string, number>();
  /** Per key number, the records filed under it (in the order added). */
  private readonly postings: (number[] | undefined)[] = [];
  private readonly codes: (readonly string[] | undefined)[] = [];
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

  private keysOf(record: PreparedRecord): BlockingKeys {
    const cached = this.keyCache.get(record);
    if (cached !== undefined) return cached;
    const single = new Set<string>();
    const pairs = new Set<string>();
    for (const variant of record.names) {
      const ids = [...variant.given, ...variant.family];
      const tokenCodes = ids.map((id) => this.tokenCodes(id));
      for (let i = 0; i < tokenCodes.length; i++) {
        for (const c of tokenCodes[i] as readonly string[]) {
          single.add(c);
          for (let j = i + 1; j < tokenCodes.length; j++) {
            // Two names with the same code (Daniela Dănilă) make a pair of their own too.
            for (const d of tokenCodes[j] as readonly string[]) pairs.add(c < d ? `${c}+${d}` : `${d}+${c}`);
          }
        }
      }
    }
    const birth = record.birth;
    const { yearWindow } = this.options;
    // An estimated year is filed under the neighbouring years too, so that together with the
    // query's own window it reaches as far as the weak-date comparison does (four years).
    const spread = birth?.weak === true ? yearWindow : 0;
    const pairIds = [...pairs].map((key) => this.keyId(key));
    const keys: BlockingKeys = { post: [...pairIds], scan: pairIds, codeKeys: [] };
    for (const code of single) {
      const all = this.keyId(`${code}|*`);
      keys.post.push(all);
      if (birth === null) {
        keys.post.push(this.keyId(`${code}|?`));
        keys.codeKeys.push({ all, own: -1, rare: [all] });
      } else {
        for (let y = birth.year - spread; y <= birth.year + spread; y++) keys.post.push(this.keyId(`${code}|${y}`));
        const rare = [this.keyId(`${code}|?`)];
        for (let y = birth.year - yearWindow; y <= birth.year + yearWindow; y++) if (y !== birth.year) rare.push(this.keyId(`${code}|${y}`));
        keys.codeKeys.push({ all, own: this.keyId(`${code}|${birth.year}`), rare });
      }
    }
    const date = trustedDate(record);
    if (date !== null) {
      const id = this.keyId(date);
      keys.post.push(id);
      keys.scan.push(id);
    }
    this.keyCache.set(record, keys);
    return keys;
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
      this.postings.push(undefined);
    }
    return id;
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
