// The cells of one year's statistics and the linear relations between them: every subtotal and
// total is the sum of its rows, every national cell the sum of the regions, and tables that
// share a population share their total cell. Tables are views of these cells, so a table can
// never disagree with another, and disclosure control (disclosure.ts) sees every way a reader
// could combine published tables.
import { POLICE_REGIONS } from '../codelists/police-regions.js';
import type { Label, RowDef } from './dimensions.js';

export const NATION = '*';
export const REGION_CODES: readonly string[] = POLICE_REGIONS.map((r) => r.code);

export interface Relation {
  /** Σ coefficient · cell  (= | ≤)  0 */
  terms: [string, number][];
  op: '=' | '<=';
}

export interface TableDef {
  /** Table id, also the prefix of its cell keys ("form", "nsp", …). */
  id: string;
  title: Label;
  rows: RowDef[];
  additive: boolean;
  /** Cell key of the total row in a region (or the nation); defaults to `${id}:total@${region}`. */
  totalKey?: (region: string) => string;
  totalNote?: Label;
  /**
   * Published for the nation only (too fine, or too entangled with other tables, to publish per
   * region). Regional cells are still kept for internal tables, but outside disclosure control.
   */
  nationalOnly?: boolean;
  /** Multiplies the cost of hiding this table's cells: below 1 means "hide these first". */
  suppressionCost?: number;
}

export class InconsistentTableError extends Error {}

export function cellKey(def: TableDef, row: string, region: string): string {
  if (row === 'total' && def.totalKey) return def.totalKey(region);
  return `${def.id}:${row}@${region}`;
}

/** Secondary-suppression cost by kind of cell: leaves are cheapest to hide, totals dearest. */
const COST = { leaf: 1, memo: 1, subtotal: 8, national: 16, total: 64 } as const;

export class StatModel {
  readonly values = new Map<string, number>();
  readonly hidden = new Set<string>();
  /** Never chosen for secondary suppression (grand totals stay published unless they are 1–2). */
  readonly protect = new Set<string>();
  readonly cost = new Map<string, number>();
  readonly relations: Relation[] = [];

  constructor(readonly year: number) {}

  set(key: string, value: number, cost: number = COST.leaf): void {
    const seen = this.values.get(key);
    if (seen !== undefined && seen !== value) {
      throw new InconsistentTableError(`${this.year} ${key}: ${seen} ≠ ${value}`);
    }
    this.values.set(key, value);
    this.cost.set(key, Math.max(this.cost.get(key) ?? 0, cost));
  }

  setHidden(key: string, value: number): void {
    this.values.set(key, value);
    this.hidden.add(key);
  }

  relate(terms: [string, number][], op: '=' | '<=' = '='): void {
    this.relations.push({ terms, op });
  }

  value(key: string): number {
    return this.values.get(key) ?? 0;
  }

  /** Throws when any relation does not hold for the true values: a bug, never a data problem. */
  verify(): void {
    for (const r of this.relations) {
      const lhs = r.terms.reduce((s, [k, a]) => s + a * this.value(k), 0);
      if (r.op === '=' ? lhs !== 0 : lhs > 0) {
        throw new InconsistentTableError(`${this.year}: ${r.terms.map(([k, a]) => `${a}·${k}(${this.value(k)})`).join(' + ')} ${r.op} 0 fails`);
      }
    }
  }

  /**
   * Adds one table for every region and the nation from leaf (and memo) counts per region.
   * Subtotals and totals are computed here; relations tie them to their rows and the nation
   * to the regions. National totals are never hidden as secondary cells; regional totals only at
   * a high cost (hiding one spreads suppression to every table of the region).
   */
  addTable(def: TableDef, leafCounts: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
    const childrenOf = new Map<string | null, RowDef[]>();
    for (const row of def.rows) {
      if (row.kind === 'total' || row.kind === 'memo') continue;
      const list = childrenOf.get(row.parent) ?? [];
      list.push(row);
      childrenOf.set(row.parent, list);
    }
    const valueOf = (row: RowDef, region: string): number => {
      if (region === NATION) return REGION_CODES.reduce((s, r) => s + valueOf(row, r), 0);
      if (row.kind === 'leaf' || row.kind === 'memo' || (row.kind === 'total' && !def.additive)) return leafCounts.get(region)?.get(row.code) ?? 0;
      const parts = childrenOf.get(row.kind === 'total' ? null : row.code) ?? [];
      return parts.reduce((s, p) => s + valueOf(p, region), 0);
    };
    const factor = def.suppressionCost ?? 1;
    for (const region of [...REGION_CODES, NATION]) {
      const internalOnly = def.nationalOnly === true && region !== NATION;
      for (const row of def.rows) {
        const key = cellKey(def, row.code, region);
        const value = valueOf(row, region);
        const isTotal = row.kind === 'total';
        // A shared total (total@nord) belongs to the tables that publish it.
        if (internalOnly) {
          if (!(isTotal && def.totalKey)) this.setHidden(key, value);
          continue;
        }
        const cost = region === NATION ? COST.national : row.kind === 'subtotal' ? COST.subtotal : COST.leaf;
        // The grand total of a population (not a total borrowed from another table's row).
        if (isTotal && region === NATION && key.endsWith(`total@${NATION}`)) this.protect.add(key);
        this.set(key, value, isTotal ? COST.total : cost * factor);
      }
      if (!def.additive || internalOnly) continue;
      for (const row of def.rows) {
        if (row.kind !== 'subtotal' && row.kind !== 'total') continue;
        const parts = childrenOf.get(row.kind === 'total' ? null : row.code) ?? [];
        this.relate([[cellKey(def, row.code, region), -1], ...parts.map((p): [string, number] => [cellKey(def, p.code, region), 1])]);
      }
    }
    if (def.nationalOnly) return;
    for (const row of def.rows) {
      if (row.kind === 'total' && def.totalKey) continue; // shared totals are related by their owner
      this.relate([[cellKey(def, row.code, NATION), -1], ...REGION_CODES.map((r): [string, number] => [cellKey(def, row.code, r), 1])]);
    }
  }
}
