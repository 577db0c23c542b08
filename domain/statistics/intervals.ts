// The disclosure audit: for every suppressed cell, the least and greatest value it can take
// given all published cells of the year, every relation between cells and non-negativity —
// exactly what a reader combining every published table could work out. Unknowns (suppressed and
// hidden cells) are split into connected components so that each linear programme stays small.
import { IntervalLp, type LinearRow } from './lp.js';
import type { StatModel } from './model.js';

export interface Interval {
  lo: number;
  /** Infinity when nothing bounds the cell from above. */
  hi: number;
}

export const width = (i: Interval): number => i.hi - i.lo;

interface Component {
  unknowns: string[];
  rows: LinearRow[];
}

function components(model: StatModel, unknown: (k: string) => boolean): Component[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const reduced: { vars: [string, number][]; rhs: number; op: '=' | '<=' }[] = [];
  for (const rel of model.relations) {
    const vars: [string, number][] = [];
    let known = 0;
    for (const [k, a] of rel.terms) {
      if (unknown(k)) vars.push([k, a]);
      else known += a * model.value(k);
    }
    if (vars.length === 0) continue;
    for (const [k] of vars) if (!parent.has(k)) parent.set(k, k);
    for (const [k] of vars.slice(1)) parent.set(find(k), find(vars[0]![0]));
    reduced.push({ vars, rhs: -known, op: rel.op });
  }
  const byRoot = new Map<string, Component>();
  for (const k of parent.keys()) {
    const root = find(k);
    const c = byRoot.get(root) ?? { unknowns: [], rows: [] };
    c.unknowns.push(k);
    byRoot.set(root, c);
  }
  const index = new Map<string, number>();
  for (const c of byRoot.values()) c.unknowns.forEach((k, i) => index.set(k, i));
  for (const r of reduced) {
    const c = byRoot.get(find(r.vars[0]![0]))!;
    c.rows.push({ terms: r.vars.map(([k, a]) => [index.get(k)!, a] as const), op: r.op, rhs: r.rhs });
  }
  return [...byRoot.values()];
}

/**
 * Feasible interval of each suppressed cell, rounded inward to whole numbers (counts are
 * integers). A suppressed cell in no relation is unbounded: [0, ∞).
 */
export function auditIntervals(model: StatModel, suppressed: ReadonlySet<string>, cache?: Map<string, Map<string, Interval>>): Map<string, Interval> {
  const unknown = (k: string) => suppressed.has(k) || model.hidden.has(k);
  const out = new Map<string, Interval>();
  for (const comp of components(model, unknown)) {
    const targets = comp.unknowns.filter((k) => suppressed.has(k));
    if (targets.length === 0) continue;
    const signature = comp.unknowns.slice().sort().join('|');
    const cached = cache?.get(signature);
    if (cached) {
      for (const [k, v] of cached) out.set(k, v);
      continue;
    }
    const lp = new IntervalLp(comp.unknowns.length, comp.rows);
    const found = new Map<string, Interval>();
    for (const k of targets) {
      const i = comp.unknowns.indexOf(k);
      const lo = Math.ceil(lp.min(i) - 1e-6) + 0; // + 0: no negative zero
      const hiRaw = lp.max(i);
      const hi = hiRaw === Infinity ? Infinity : Math.floor(hiRaw + 1e-6);
      found.set(k, { lo, hi });
    }
    cache?.set(signature, found);
    for (const [k, v] of found) out.set(k, v);
  }
  for (const k of suppressed) if (!out.has(k)) out.set(k, { lo: 0, hi: Infinity });
  return out;
}
