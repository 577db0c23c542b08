// A quick loop for model changes: fit, score and evaluate the batch on the seeds used to choose
// changes (7 and 11, 25,000 records), without the timing runs, baselines and lookup of run.ts.
// `npx tsx bench/matching/quick-eval.ts [seeds…]` (default 7 11). Held-out seeds (23, 41) are
// for the benchmark's final check, not for this loop.

import { matchBatch } from '../../domain/matching/batch';
import { breakdown } from './analyse-errors';
import { calibration, evaluatePairs } from './evaluate';
import { generateDataset } from './generate';

const TODAY = { year: 2025, month: 6, day: 1 };
const RECORDS = Number(process.env.BENCH_RECORDS ?? 25_000);
const pct = (x: number): string => `${(100 * x).toFixed(1)}`;

const seeds = process.argv.slice(2).map(Number);
for (const seed of seeds.length > 0 ? seeds : [7, 11]) {
  const data = generateDataset({ records: RECORDS, seed });
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = matchBatch(
    data.map((l) => l.record),
    { today: TODAY, minBand: 'none' },
  );
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const pairs = result.pairs.map((p) => ({ idA: p.recordIdA, idB: p.recordIdB, score: p.score }));
  const e = evaluatePairs(data, pairs, { review: 0.8, autoFlag: 0.99 });
  const [review, auto] = e.bands as [(typeof e.bands)[number], (typeof e.bands)[number]];
  console.log(
    `seed ${seed}: ≥0.80 P ${pct(review.precision)} R ${pct(review.recall)} F1 ${review.f1.toFixed(3)} [${review.truePositives}/${review.falsePositives}] | ≥0.99 P ${pct(auto.precision)} R ${pct(auto.recall)} | best R@P90 ${pct(e.recallAtPrecision90.recall)} (t ${e.recallAtPrecision90.threshold.toFixed(3)}) | prior ${result.model.prior.toExponential(2)} | ${result.candidatePairs} cand | ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s processor)`,
  );
  if (process.env.DETAIL !== undefined) {
    for (const b of calibration(data, pairs, [0.1, 0.3, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 1.0001])) {
      console.log(`    [${b.from}, ${Math.min(b.to, 1)}): ${String(b.pairs).padStart(6)} pairs, mean ${b.meanScore.toFixed(3)}, observed ${b.observed.toFixed(3)}`);
    }
    const errors = breakdown(data, pairs, 0.8);
    const top = (m: Map<string, number>, n: number) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`    missed: ${top(errors.missed, 10)}`);
    console.log(`    false:  ${top(errors.falsePositives, 6)}`);
  }
}
