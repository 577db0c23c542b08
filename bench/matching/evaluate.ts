// Scoring the matcher against the generator's labels. A method is anything that scores record
// pairs: the Fellegi–Sunter engine, the Bloom-filter Dice comparison, or PostgreSQL pg_trgm
// similarity (pg-trgm-baseline.ts). Implement PairScoringMethod for it and pass it to
// evaluateMethod; pairs it does not return count as scored 0, so recall stays honest.

import type { LabelledRecord } from './generate';
import type { MatchRecord } from '../../domain/matching/types';

export interface ScoredPair {
  idA: string;
  idB: string;
  score: number;
}

export interface PairScoringMethod {
  name: string;
  /** This method's thresholds, on its own score scale (probability, Dice, trigram similarity). */
  bands: { review: number; autoFlag: number };
  scorePairs(records: readonly MatchRecord[]): Promise<readonly ScoredPair[]>;
}

export interface Metrics {
  label: string;
  threshold: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  method: string;
  seconds: number;
  /** Processor time of the whole process, worker threads included. */
  cpuSeconds: number;
  scoredPairs: number;
  truePairs: number;
  /** Share of true pairs the method scored at all (for blocking methods: pairs completeness). */
  completeness: number;
  bands: Metrics[];
  /** The best recall at any threshold where precision is at least 0.90. */
  recallAtPrecision90: { recall: number; threshold: number };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function countTruePairs(data: readonly LabelledRecord[]): number {
  const sizes = new Map<number, number>();
  for (const l of data) sizes.set(l.entity, (sizes.get(l.entity) ?? 0) + 1);
  let pairs = 0;
  for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}

function metricsAt(label: string, threshold: number, scored: readonly { score: number; match: boolean }[], truePairs: number): Metrics {
  let tp = 0;
  let fp = 0;
  for (const s of scored) {
    if (s.score < threshold) continue;
    if (s.match) tp++;
    else fp++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, threshold, truePositives: tp, falsePositives: fp, precision, recall, f1 };
}

/** Precision, recall and F1 at the method's bands, and the best recall at precision ≥ 0.90. */
export function evaluatePairs(data: readonly LabelledRecord[], pairs: readonly ScoredPair[], bands: PairScoringMethod['bands']): Omit<Evaluation, 'method' | 'seconds' | 'cpuSeconds'> {
  const entity = new Map(data.map((l) => [l.record.id, l.entity]));
  const seen = new Set<string>();
  const scored: { score: number; match: boolean }[] = [];
  for (const p of pairs) {
    const key = pairKey(p.idA, p.idB);
    if (seen.has(key)) continue;
    seen.add(key);
    scored.push({ score: p.score, match: entity.get(p.idA) === entity.get(p.idB) });
  }
  const truePairs = countTruePairs(data);
  const found = scored.filter((s) => s.match).length;
  scored.sort((x, y) => y.score - x.score);
  let tp = 0;
  let best = { recall: 0, threshold: Infinity };
  scored.forEach((s, i) => {
    if (s.match) tp++;
    const next = scored[i + 1];
    if (next !== undefined && next.score === s.score) return;
    if (tp / (i + 1) >= 0.9 && tp / truePairs > best.recall) best = { recall: tp / truePairs, threshold: s.score };
  });
  return {
    scoredPairs: scored.length,
    truePairs,
    completeness: truePairs === 0 ? 1 : found / truePairs,
    bands: [metricsAt('review or above', bands.review, scored, truePairs), metricsAt('auto-flag', bands.autoFlag, scored, truePairs)],
    recallAtPrecision90: best,
  };
}

export async function evaluateMethod(method: PairScoringMethod, data: readonly LabelledRecord[]): Promise<Evaluation & { pairs: readonly ScoredPair[] }> {
  const records = data.map((l) => l.record);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const pairs = await method.scorePairs(records);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { method: method.name, seconds, cpuSeconds: (used.user + used.system) / 1e6, pairs, ...evaluatePairs(data, pairs, method.bands) };
}

export interface CalibrationBin {
  from: number;
  to: number;
  pairs: number;
  meanScore: number;
  /** Share of the bin's pairs that are true duplicates. */
  observed: number;
}

/** Predicted probability against the observed share of duplicates, bin by bin. */
export function calibration(data: readonly LabelledRecord[], pairs: readonly ScoredPair[], edges: readonly number[]): CalibrationBin[] {
  const entity = new Map(data.map((l) => [l.record.id, l.entity]));
  const bins = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] as number, pairs: 0, sum: 0, matches: 0 }));
  for (const p of pairs) {
    const bin = bins.find((b) => p.score >= b.from && p.score < b.to);
    if (bin === undefined) continue;
    bin.pairs++;
    bin.sum += p.score;
    if (entity.get(p.idA) === entity.get(p.idB)) bin.matches++;
  }
  return bins.map((b) => ({ from: b.from, to: b.to, pairs: b.pairs, meanScore: b.pairs === 0 ? 0 : b.sum / b.pairs, observed: b.pairs === 0 ? 0 : b.matches / b.pairs }));
}
