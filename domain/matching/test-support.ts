// Helpers shared by this folder's tests: build and compare records with one token table. Names
// used with it are invented (given names are real names, surnames are made up).

import { compareRecords } from './compare';
import type { Comparison } from './compare';
import { prepareRecord } from './prepare';
import type { PreparedRecord } from './prepare';
import { TokenTable } from './token-table';
import type { MatchRecord } from './types';

export const TODAY = { year: 2025, month: 6, day: 1 };

let counter = 0;

export function person(fields: Partial<MatchRecord> & { givenNames: string; familyNames: string }): MatchRecord {
  counter += 1;
  return { id: `t${counter}`, ...fields };
}

export function comparePeople(a: MatchRecord, b: MatchRecord, table = new TokenTable()): { comparison: Comparison; pa: PreparedRecord; pb: PreparedRecord } {
  const pa = prepareRecord(a, table, { today: TODAY });
  const pb = prepareRecord(b, table, { today: TODAY });
  return { comparison: compareRecords(table, pa, pb), pa, pb };
}
