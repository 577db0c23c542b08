// The batch tool behind `lots persons match`: likely duplicate pairs within a CSV of persons
// (the engine's batch-io formats), by the Fellegi–Sunter engine or, with --pprl, by Dice over
// keyed Bloom-filter encodings of both sides. Pure apart from the secret: the CLI reads and
// writes the files. Malformed rows are skipped and reported by line.
import { matchBatch } from '../../../domain/matching/batch.js';
import { formatBatchOutput, parseBatchInput } from '../../../domain/matching/batch-io.js';
import { todayFrom, type Today } from '../../../domain/matching/birth-date.js';
import { createClkEncoder } from '../../../domain/matching/bloom.js';
import { scanCandidatePairs } from '../../../domain/matching/candidate-pairs.js';
import type { CsvProblem } from '../../../domain/matching/csv.js';
import { dice } from '../../../domain/matching/dice.js';
import { prepareAll } from '../../../domain/matching/prepare.js';
import { TokenTable } from '../../../domain/matching/token-table.js';
import type { BatchPair } from '../../../domain/matching/batch.js';
import type { MatchRecord } from '../../../domain/matching/types.js';
import { FIT_MIN_RECORDS, referenceModel } from './person-model.js';
import { nodeHmac } from './pprl-secret.js';
import { PPRL_BANDS } from './pprl.service.js';

export type BatchStage = 'read' | 'encode' | 'block' | 'score' | 'write';

export interface BatchMatchOptions {
  /** Score by Dice over Bloom-filter encodings keyed from `secret` instead of the full model. */
  pprl?: { secret: Uint8Array };
  today?: Today;
  onProgress?: (stage: BatchStage, done: number, total: number) => void;
}

export interface BatchMatchReport {
  records: number;
  errors: CsvProblem[];
  warnings: CsvProblem[];
  candidatePairs: number;
  pairs: number;
  method: 'fellegi-sunter (fitted to the file)' | 'fellegi-sunter (reference model)' | 'bloom-filter dice';
  /** The output CSV: record_id_a, record_id_b, score, band. */
  output: string;
}

function diceBatch(records: readonly MatchRecord[], secret: Uint8Array, today: Today, onProgress: BatchMatchOptions['onProgress']): { pairs: BatchPair[]; candidatePairs: number } {
  const encoder = createClkEncoder(nodeHmac, secret, { today });
  const filters = records.map((r, i) => {
    if (i % 500 === 0) onProgress?.('encode', i, records.length);
    return encoder.encode(r);
  });
  onProgress?.('encode', records.length, records.length);
  // Blocking on the plain records: both sides are in this file. In an exchange between two
  // holders the blocking keys would travel as keyed hashes too.
  const table = new TokenTable();
  const candidates = scanCandidatePairs(prepareAll(records, table, { today }), table, null);
  onProgress?.('block', candidates.count, candidates.count);
  const pairs: BatchPair[] = [];
  for (let k = 0; k < candidates.count; k++) {
    const [i, j] = [candidates.a[k] as number, candidates.b[k] as number].sort((x, y) => x - y) as [number, number];
    const score = dice(filters[i] as Uint32Array, filters[j] as Uint32Array);
    if (score < PPRL_BANDS.review) continue;
    const band = score >= PPRL_BANDS.autoFlag ? 'auto_flag' : 'review';
    pairs.push({ recordIdA: (records[i] as MatchRecord).id, recordIdB: (records[j] as MatchRecord).id, score, weight: 0, band });
  }
  pairs.sort((p, q) => q.score - p.score || p.recordIdA.localeCompare(q.recordIdA) || p.recordIdB.localeCompare(q.recordIdB));
  onProgress?.('score', candidates.count, candidates.count);
  return { pairs, candidatePairs: candidates.count };
}

export function matchCsv(text: string, options: BatchMatchOptions = {}): BatchMatchReport {
  const today = options.today ?? todayFrom(new Date());
  const { records, errors, warnings } = parseBatchInput(text);
  options.onProgress?.('read', records.length, records.length);
  let result: { pairs: BatchPair[]; candidatePairs: number };
  let method: BatchMatchReport['method'];
  if (options.pprl) {
    result = diceBatch(records, options.pprl.secret, today, options.onProgress);
    method = 'bloom-filter dice';
  } else {
    // A small file cannot fit its own model (see person-model.ts): it is scored with the reference one.
    const fitted = records.length >= FIT_MIN_RECORDS;
    const batch = matchBatch(records, { today, minBand: 'review', model: fitted ? undefined : referenceModel(records.length) });
    result = { pairs: batch.pairs, candidatePairs: batch.candidatePairs };
    method = fitted ? 'fellegi-sunter (fitted to the file)' : 'fellegi-sunter (reference model)';
    options.onProgress?.('score', batch.candidatePairs, batch.candidatePairs);
  }
  const output = formatBatchOutput(result.pairs);
  options.onProgress?.('write', result.pairs.length, result.pairs.length);
  return { records: records.length, errors, warnings, candidatePairs: result.candidatePairs, pairs: result.pairs.length, method, output };
}
