// Error analysis for the evaluation kit: which true pairs the engine misses and which different
// people it offers, by the generator's labels (the noise each record picked up, the relation of
// two different people in one household). Run with
// `npx tsx bench/matching/analyse-errors.ts [seed] [records]` (THRESHOLD=0.8 by default;
// SHOW=missed or SHOW=fp prints examples with each field's contribution, LIMIT=40 of them).
// This is how the model changes in docs/matching.md were found.

import type { Today } from '../../domain/matching/birth-date';
import { compareRecords } from '../../domain/matching/compare';
import { matchBatch } from '../../domain/matching/batch';
import { prepareAll } from '../../domain/matching/prepare';
import { scoreComparison } from '../../domain/matching/score';
import { TokenTable } from '../../domain/matching/token-table';
import type { MatchModel } from '../../domain/matching/model';
import type { ScoredPair } from './evaluate';
import { generateDataset } from './generate';
import type { LabelledRecord } from './generate';

export interface ErrorBreakdown {
  missed: Map<string, number>;
  falsePositives: Map<string, number>;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The category of a pair of different people: their relation if one household, else unrelated. */
export function falsePositiveCategory(a: LabelledRecord, b: LabelledRecord): string {
  if (a.household !== b.household) return 'unrelated';
  const relations = [a.relation, b.relation].sort();
  return `household: ${relations.join(' / ')}`;
}

/** Counts of misses (true pairs below `threshold`, or never scored) per tag, and false positives per category. */
export function breakdown(data: readonly LabelledRecord[], pairs: readonly ScoredPair[], threshold: number): ErrorBreakdown {
  const byId = new Map(data.map((l) => [l.record.id, l]));
  const found = new Set<string>();
  const missed = new Map<string, number>();
  const falsePositives = new Map<string, number>();
  for (const p of pairs) {
    const a = byId.get(p.idA) as LabelledRecord;
    const b = byId.get(p.idB) as LabelledRecord;
    if (a.entity === b.entity) {
      if (p.score >= threshold) found.add(p.idA < p.idB ? `${p.idA}|${p.idB}` : `${p.idB}|${p.idA}`);
    } else if (p.score >= threshold) bump(falsePositives, falsePositiveCategory(a, b));
  }
  const byEntity = new Map<number, LabelledRecord[]>();
  for (const l of data) byEntity.set(l.entity, [...(byEntity.get(l.entity) ?? []), l]);
  for (const group of byEntity.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i] as LabelledRecord;
        const b = group[j] as LabelledRecord;
        const key = a.record.id < b.record.id ? `${a.record.id}|${b.record.id}` : `${b.record.id}|${a.record.id}`;
        if (found.has(key)) continue;
        bump(missed, 'all');
        bump(missed, `culture ${a.culture}`);
        for (const tag of new Set([...a.tags, ...b.tags])) bump(missed, tag);
      }
    }
  }
  return { missed, falsePositives };
}

function truePairTags(data: readonly LabelledRecord[]): Map<string, number> {
  const base = new Map<string, number>();
  const byEntity = new Map<number, LabelledRecord[]>();
  for (const l of data) byEntity.set(l.entity, [...(byEntity.get(l.entity) ?? []), l]);
  for (const group of byEntity.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i] as LabelledRecord;
        const b = group[j] as LabelledRecord;
        bump(base, 'all');
        bump(base, `culture ${a.culture}`);
        for (const tag of new Set([...a.tags, ...b.tags])) bump(base, tag);
      }
    }
  }
  return base;
}

/** Examples of one kind of error (SHOW=missed or SHOW=fp) with each field's contribution. */
function showExamples(data: readonly LabelledRecord[], pairs: readonly ScoredPair[], model: MatchModel, today: Today, kind: string, threshold: number): void {
  const byId = new Map(data.map((l) => [l.record.id, l]));
  const table = new TokenTable();
  const prepared = new Map(
    prepareAll(
      data.map((l) => l.record),
      table,
      { today },
    ).map((p) => [p.id, p]),
  );
  const limit = Number(process.env.LIMIT ?? 40);
  const wanted = pairs.filter((p) => {
    const same = byId.get(p.idA)?.entity === byId.get(p.idB)?.entity;
    return kind === 'missed' ? same && p.score < threshold : !same && p.score >= threshold;
  });
  const fmt = (l: LabelledRecord): string =>
    `${l.record.givenNames} | ${l.record.familyNames} | ${l.record.birthDate ?? l.record.birthYear ?? '-'} | ${l.record.sex ?? '-'} | ${(l.record.citizenships ?? []).join(',')} [${l.relation} ${l.documented ? 'documented' : 'undocumented'} ${l.tags.join(' ')}]`;
  for (const p of wanted.slice(0, limit)) {
    const pa = prepared.get(p.idA);
    const pb = prepared.get(p.idB);
    if (pa === undefined || pb === undefined) continue;
    const s = scoreComparison(model, compareRecords(table, pa, pb), pa, pb);
    console.log(`${p.score.toFixed(3)}  ${fmt(byId.get(p.idA) as LabelledRecord)}\n       ${fmt(byId.get(p.idB) as LabelledRecord)}`);
    console.log(`       ${s.contributions.filter((c) => c.level !== null).map((c) => `${c.field}: ${c.label} (${c.weight.toFixed(1)})`).join('; ')}; prior ${s.priorWeight.toFixed(1)}`);
  }
}

async function main(): Promise<void> {
  const seed = Number(process.argv[2] ?? 7);
  const records = Number(process.argv[3] ?? 25_000);
  const threshold = Number(process.env.THRESHOLD ?? 0.8);
  const today: Today = { year: 2025, month: 6, day: 1 };
  const data = generateDataset({ records, seed });
  const result = matchBatch(
    data.map((l) => l.record),
    { today, minBand: 'none' },
  );
  const pairs = result.pairs.map((p) => ({ idA: p.recordIdA, idB: p.recordIdB, score: p.score }));
  const { missed, falsePositives } = breakdown(data, pairs, threshold);
  const base = truePairTags(data);
  console.log(`True pairs below ${threshold}, seed ${seed}, ${records} records, by what their records went through:`);
  for (const [k, v] of [...missed].sort((x, y) => y[1] - x[1])) {
    const of = base.get(k) ?? 0;
    console.log(`  ${k.padEnd(32)} ${String(v).padStart(5)} of ${String(of).padStart(6)}  (${((100 * v) / Math.max(1, of)).toFixed(1)} % missed)`);
  }
  console.log(`Different people at or above ${threshold}:`);
  for (const [k, v] of [...falsePositives].sort((x, y) => y[1] - x[1])) console.log(`  ${k.padEnd(44)} ${v}`);
  if (process.env.SHOW !== undefined) showExamples(data, pairs, result.model, today, process.env.SHOW, threshold);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
