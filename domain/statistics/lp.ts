// A small dense simplex solver for the disclosure audit: the least and greatest value a
// suppressed cell can take given the published cells, the table's additive structure and
// non-negativity. Problems are small (tens of variables per connected component) and have
// integer data with coefficients of magnitude ≤ 2, so a tableau in doubles with a tolerance is
// exact enough; Bland's rule rules out cycling. Phase 1 runs once per problem and every
// objective starts phase 2 from its feasible basis.

export interface LinearRow {
  /** [variable index, coefficient] */
  terms: readonly (readonly [number, number])[];
  op: '=' | '<=';
  rhs: number;
}

const EPS = 1e-9;

export class InfeasibleError extends Error {}

export class IntervalLp {
  private readonly rows: Float64Array[] = [];
  private readonly basis: number[] = [];
  private readonly width: number; // structural + slack columns (rhs kept apart)
  private readonly rhs: number[] = [];

  constructor(
    private readonly n: number,
    constraints: readonly LinearRow[],
  ) {
    const slacks = constraints.filter((c) => c.op === '<=').length;
    const m = constraints.length;
    this.width = n + slacks;
    const total = this.width + m; // + artificials
    let slack = n;
    const art = this.width;
    const tableau: Float64Array[] = [];
    const rhs: number[] = [];
    constraints.forEach((c, i) => {
      const row = new Float64Array(total);
      for (const [j, a] of c.terms) row[j]! += a;
      if (c.op === '<=') row[slack++] = 1;
      let b = c.rhs;
      if (b < 0) {
        for (let j = 0; j < this.width; j++) row[j] = -row[j]!;
        b = -b;
      }
      row[art + i] = 1;
      tableau.push(row);
      rhs.push(b);
      this.basis.push(art + i);
    });
    // Phase 1: minimise the sum of artificials.
    const cost = new Float64Array(total);
    for (let i = 0; i < m; i++) cost[art + i] = 1;
    const value = simplex(tableau, rhs, this.basis, cost, total);
    if (value > 1e-7) throw new InfeasibleError('the published cells are inconsistent with the table structure');
    // Drive artificials out of the basis; rows where that is impossible are redundant.
    for (let i = tableau.length - 1; i >= 0; i--) {
      if (this.basis[i]! < this.width) continue;
      const row = tableau[i]!;
      let entering = -1;
      for (let j = 0; j < this.width; j++) if (Math.abs(row[j]!) > EPS) { entering = j; break; }
      if (entering < 0) {
        tableau.splice(i, 1);
        rhs.splice(i, 1);
        this.basis.splice(i, 1);
      } else {
        pivot(tableau, rhs, this.basis, i, entering);
      }
    }
    for (const row of tableau) this.rows.push(row.slice(0, this.width));
    this.rhs.push(...rhs);
  }

  /** Minimum of variable k (≥ 0 always; -Infinity never occurs since x ≥ 0). */
  min(k: number): number {
    return this.optimise(k, 1);
  }

  /** Maximum of variable k; Infinity when unbounded. */
  max(k: number): number {
    return -this.optimise(k, -1);
  }

  private optimise(k: number, sign: 1 | -1): number {
    const rows = this.rows.map((r) => r.slice());
    const rhs = this.rhs.slice();
    const basis = this.basis.slice();
    const cost = new Float64Array(this.width);
    cost[k] = sign;
    return simplex(rows, rhs, basis, cost, this.width);
  }

  get variables(): number {
    return this.n;
  }
}

function pivot(rows: Float64Array[], rhs: number[], basis: number[], r: number, e: number): void {
  const pr = rows[r]!;
  const p = pr[e]!;
  for (let j = 0; j < pr.length; j++) pr[j] = pr[j]! / p;
  rhs[r] = rhs[r]! / p;
  for (let i = 0; i < rows.length; i++) {
    if (i === r) continue;
    const row = rows[i]!;
    const f = row[e]!;
    if (Math.abs(f) < EPS) {
      row[e] = 0;
      continue;
    }
    for (let j = 0; j < row.length; j++) row[j] = row[j]! - f * pr[j]!;
    row[e] = 0;
    rhs[i] = rhs[i]! - f * rhs[r]!;
    if (Math.abs(rhs[i]!) < EPS) rhs[i] = 0;
  }
  basis[r] = e;
}

/**
 * Minimises cost·x from a feasible basis; returns the optimum (-Infinity when unbounded).
 * Dantzig's rule (most negative reduced cost) for speed; after a run of degenerate pivots it
 * switches to Bland's rule, which cannot cycle.
 */
function simplex(rows: Float64Array[], rhs: number[], basis: number[], cost: Float64Array, width: number): number {
  const d = new Float64Array(width);
  for (let j = 0; j < width; j++) d[j] = cost[j]!;
  for (let i = 0; i < rows.length; i++) {
    const cb = cost[basis[i]!]!;
    if (cb === 0) continue;
    const row = rows[i]!;
    for (let j = 0; j < width; j++) d[j] = d[j]! - cb * row[j]!;
  }
  let degenerate = 0;
  for (let iter = 0; iter < 100_000; iter++) {
    let entering = -1;
    if (degenerate < 30) {
      let best = -EPS;
      for (let j = 0; j < width; j++) if (d[j]! < best) { best = d[j]!; entering = j; }
    } else {
      for (let j = 0; j < width; j++) if (d[j]! < -EPS) { entering = j; break; }
    }
    if (entering < 0) {
      let z = 0;
      for (let i = 0; i < rows.length; i++) z += cost[basis[i]!]! * rhs[i]!;
      return z;
    }
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i]![entering]!;
      if (a <= EPS) continue;
      const ratio = rhs[i]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && leave >= 0 && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return -Infinity;
    degenerate = best <= EPS ? degenerate + 1 : 0;
    pivot(rows, rhs, basis, leave, entering);
    const pr = rows[leave]!;
    const f = d[entering]!;
    for (let j = 0; j < width; j++) d[j] = d[j]! - f * pr[j]!;
    d[entering] = 0;
  }
  throw new Error('simplex did not converge');
}
