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

interface BlockingKeys {
  /** Keys the record is filed under. */
  post: string[];
  /** Keys a query always scans: code pairs and the trusted date. */
  scan: string[];
  /** Per code: its key over all years, and the keys scanned only when the code is not common. */
  codeKeys: { all: string; own: string | null; rare: string[] }[];
}

export class BlockingIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly codes: (readonly string[] | undefined)[] = [];
  private readonly keyCache = new WeakMap<PreparedRecord, BlockingKeys>();
  private stamp = new Int32Array(1024);
  private query = 0;
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
    const keys: BlockingKeys = { post: [...pairs], scan: [...pairs], codeKeys: [] };
    for (const code of single) {
      const all = `${code}|*`;
      keys.post.push(all);
      if (birth === null) {
        keys.post.push(`${code}|?`);
        keys.codeKeys.push({ all, own: null, rare: [all] });
      } else {
        for (let y = birth.year - spread; y <= birth.year + spread; y++) keys.post.push(`${code}|${y}`);
        const rare = [`${code}|?`];
        for (let y = birth.year - yearWindow; y <= birth.year + yearWindow; y++) if (y !== birth.year) rare.push(`${code}|${y}`);
        keys.codeKeys.push({ all, own: `${code}|${birth.year}`, rare });
      }
    }
    const date = trustedDate(record);
    if (date !== null) {
      keys.post.push(date);
      keys.scan.push(date);
    }
    this.keyCache.set(record, keys);
    return keys;
  }

  add(index: number, record: PreparedRecord): void {
    for (const key of this.keysOf(record).post) {
      const list = this.postings.get(key);
      if (list === undefined) this.postings.set(key, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  }

  /** Every indexed record that shares a block with `record`, each once, into `out`. */
  candidates(record: PreparedRecord, out: number[]): number[] {
    out.length = 0;
    const stampValue = ++this.query;
    const keys = this.keysOf(record);
    const { maxPostingLength, commonCode } = this.options;
    for (const key of keys.scan) this.scan(key, maxPostingLength, stampValue, out);
    for (const { all, own, rare } of keys.codeKeys) {
      if (own !== null) this.scan(own, maxPostingLength, stampValue, out);
      if ((this.postings.get(all)?.length ?? 0) > commonCode) continue;
      for (const key of rare) this.scan(key, maxPostingLength, stampValue, out);
    }
    return out;
  }

  private scan(key: string, limit: number, stampValue: number, out: number[]): void {
    const list = this.postings.get(key);
    if (list === undefined || list.length > limit) return;
    for (const index of list) {
      if (index >= this.stamp.length) this.growStamp(index);
      if (this.stamp[index] === stampValue) continue;
      this.stamp[index] = stampValue;
      out.push(index);
    }
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
