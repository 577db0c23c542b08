// The registration-time lookup: an in-memory index of known persons, blocked by phonetic name
// codes and birth year, that returns the scored, explained candidates for a new registration.
// It only suggests: the caller shows the candidates for review and never merges on its own.

import type { Today } from './birth-date';
import { BlockingIndex } from './blocking';
import type { BlockingOptions } from './blocking';
import { compareRecords } from './compare';
import type { Comparison } from './compare';
import type { MatchModel } from './model';
import { prepareRecord } from './prepare';
import type { PreparedRecord } from './prepare';
import { logOdds, scoreComparison } from './score';
import type { PairScore } from './score';
import { TokenTable } from './token-table';
import type { MatchRecord } from './types';
import { fieldWeight } from './weights';

export interface LookupResult {
  record: MatchRecord;
  score: PairScore;
  comparison: Comparison;
}

export interface LookupOptions {
  /** Candidates below this probability are dropped; defaults to the review band. */
  minProbability?: number;
  limit?: number;
}

export class MatchIndex {
  private readonly records: PreparedRecord[] = [];
  private readonly blocking: BlockingIndex;

  constructor(
    private readonly model: MatchModel,
    private readonly table: TokenTable = new TokenTable(),
    private readonly options: { today?: Today; blocking?: BlockingOptions } = {},
  ) {
    this.blocking = new BlockingIndex(table, options.blocking);
  }

  get size(): number {
    return this.records.length;
  }

  add(record: MatchRecord): void {
    this.addPrepared(prepareRecord(record, this.table, { today: this.options.today }));
  }

  /** For records already prepared with this index's token table (as fitModel returns them). */
  addPrepared(record: PreparedRecord): void {
    this.blocking.add(this.records.length, record);
    this.records.push(record);
  }

  lookup(record: MatchRecord, options: LookupOptions = {}): LookupResult[] {
    const query = prepareRecord(record, this.table, { today: this.options.today });
    const minProbability = options.minProbability ?? this.model.bands.review;
    // Compare in weight space first and build explanations only for the pairs that pass.
    const minWeight = logOdds(minProbability) - logOdds(this.model.prior);
    const hits: { index: number; comparison: Comparison; weight: number }[] = [];
    for (const index of this.blocking.candidates(query, [])) {
      const other = this.records[index] as PreparedRecord;
      const comparison = compareRecords(this.table, query, other);
      const weight = fieldWeight(this.model, comparison, query, other);
      if (weight >= minWeight) hits.push({ index, comparison, weight });
    }
    hits.sort((x, y) => y.weight - x.weight);
    const limited = options.limit === undefined ? hits : hits.slice(0, options.limit);
    return limited.map((hit) => {
      const other = this.records[hit.index] as PreparedRecord;
      return { record: other.source, comparison: hit.comparison, score: scoreComparison(this.model, hit.comparison, query, other) };
    });
  }
}
