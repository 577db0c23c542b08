// Disclosure control for published statistics (docs/statistics.md). Primary suppression hides
// every cell of 1 or 2 persons. Secondary suppression then hides further cells until the audit
// (intervals.ts) shows that each hidden cell can lie anywhere in an interval at least
// MIN_WIDTH wide, whatever combination of published tables, margins and regions a reader uses.
// True values are never altered: totals stay true and hidden cells are marked, not zeroed.
import { auditIntervals, width, type Interval } from './intervals.js';
import type { StatModel } from './model.js';

export const PRIMARY_MAX = 2;
export const MIN_WIDTH = 3;

export interface Publication {
  suppressed: Set<string>;
  primary: Set<string>;
  intervals: Map<string, Interval>;
}

export const isPrimary = (v: number): boolean => v >= 1 && v <= PRIMARY_MAX;

function relationsByCell(model: StatModel): Map<string, number[]> {
  const out = new Map<string, number[]>();
  model.relations.forEach((r, i) => {
    for (const [k] of r.terms) {
      const list = out.get(k) ?? [];
      list.push(i);
      out.set(k, list);
    }
  });
  return out;
}

/**
 * Can hide this cell as a secondary suppression: published and not a protected national total.
 * Zeros only as a last resort (`zeros`): a hidden zero adds no room to the sums around it, but
 * it can stop a cell from being the difference of known ones.
 */
function candidate(model: StatModel, suppressed: ReadonlySet<string>, k: string, zeros = false, totals = false): boolean {
  return !suppressed.has(k) && !model.hidden.has(k) && (totals || !model.protect.has(k)) && (zeros || model.value(k) > 0);
}

const score = (model: StatModel, k: string): number => (model.cost.get(k) ?? 1) * model.value(k);

/**
 * Score of hiding `k` now: its cost, times one more for every equality it would leave with a
 * single hidden term (each needs a further partner). This closes rectangles — a second region
 * whose column is already open — instead of starting chains that end on a margin.
 */
function partnerScore(model: StatModel, suppressed: ReadonlySet<string>, k: string, byCell: Map<string, number[]>): number {
  let opened = 0;
  for (const ri of byCell.get(k) ?? []) {
    const r = model.relations[ri]!;
    if (r.op === '=' && !r.terms.some(([t]) => t !== k && (suppressed.has(t) || model.hidden.has(t)))) opened++;
  }
  return score(model, k) * (1 + opened);
}

function cheapest(model: StatModel, suppressed: ReadonlySet<string>, options: Iterable<string>, byCell: Map<string, number[]>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of options) {
    const sc = partnerScore(model, suppressed, k, byCell);
    if (sc < bestScore || (sc === bestScore && best !== undefined && k < best)) {
      best = k;
      bestScore = sc;
    }
  }
  return best;
}

/**
 * Cheap rules before the exact audit, applied until nothing changes. In an equality whose hidden
 * terms are all on one side (all rows of a published total, say), their sum is known: with one
 * hidden term it is given away, and if the hidden values add up to less than MIN_WIDTH no hidden
 * term can be wider than that. Either way, hide the cheapest further term.
 */
function fillRelations(model: StatModel, suppressed: Set<string>, byCell: Map<string, number[]>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of model.relations) {
      if (r.op !== '=') continue;
      const unknown = r.terms.filter(([k]) => suppressed.has(k) || model.hidden.has(k));
      if (unknown.length === 0 || unknown.some(([k]) => model.hidden.has(k))) continue;
      const oneSide = unknown.every(([, a]) => a > 0) || unknown.every(([, a]) => a < 0);
      const hiddenSum = unknown.reduce((s, [k, a]) => s + Math.abs(a) * model.value(k), 0);
      if (unknown.length > 1 && !(oneSide && hiddenSum < MIN_WIDTH)) continue;
      const best = cheapest(model, suppressed, r.terms.map(([k]) => k).filter((k) => candidate(model, suppressed, k)), byCell);
      if (best) {
        suppressed.add(best);
        changed = true;
      }
    }
  }
}

/** The cheapest partner for a cell whose interval is too narrow, searching outward from it. */
function partnerFor(model: StatModel, suppressed: ReadonlySet<string>, cell: string, byCell: Map<string, number[]>): string | null {
  // Last resort, for tiny populations only: a national total.
  return searchPartner(model, suppressed, cell, byCell, false, false) ?? searchPartner(model, suppressed, cell, byCell, true, false) ?? searchPartner(model, suppressed, cell, byCell, true, true);
}

function searchPartner(model: StatModel, suppressed: ReadonlySet<string>, cell: string, byCell: Map<string, number[]>, zeros: boolean, totals: boolean): string | null {
  const seen = new Set<string>([cell]);
  let frontier = [cell];
  while (frontier.length > 0) {
    const options = new Set<string>();
    const next: string[] = [];
    for (const k of frontier) {
      for (const ri of byCell.get(k) ?? []) {
        for (const [t] of model.relations[ri]!.terms) {
          if (seen.has(t)) continue;
          seen.add(t);
          if (candidate(model, suppressed, t, zeros, totals)) options.add(t);
          else if (suppressed.has(t) || model.hidden.has(t)) next.push(t);
        }
      }
    }
    if (options.size > 0) return cheapest(model, suppressed, options, byCell)!;
    frontier = next;
  }
  return null;
}

export function suppress(model: StatModel): Publication {
  const primary = new Set<string>();
  for (const [k, v] of model.values) if (!model.hidden.has(k) && isPrimary(v)) primary.add(k);
  const suppressed = new Set(primary);
  const byCell = relationsByCell(model);
  const cache = new Map<string, Map<string, Interval>>();
  const narrowCells = (set: ReadonlySet<string>) => [...auditIntervals(model, set, cache)].filter(([, i]) => width(i) < MIN_WIDTH).map(([k]) => k).sort();
  for (;;) {
    fillRelations(model, suppressed, byCell);
    const narrow = narrowCells(suppressed);
    if (narrow.length === 0) break;
    // One partner per narrow cell this round; the audit then checks the new pattern.
    const added = new Set<string>();
    for (const cell of narrow) {
      const p = partnerFor(model, suppressed, cell, byCell);
      if (p) added.add(p);
    }
    if (added.size === 0) throw new Error(`disclosure control: cannot protect ${narrow.join(', ')} in ${model.year}`);
    for (const p of added) suppressed.add(p);
  }
  // Greedy choices can hide more than needed: publish again every secondary cell the audit shows
  // is not needed, most valuable first.
  const secondary = [...suppressed].filter((k) => !primary.has(k)).sort((a, b) => score(model, b) - score(model, a) || a.localeCompare(b));
  for (const k of secondary) {
    suppressed.delete(k);
    if (narrowCells(suppressed).length > 0) suppressed.add(k);
  }
  return { suppressed, primary, intervals: auditIntervals(model, suppressed, cache) };
}
