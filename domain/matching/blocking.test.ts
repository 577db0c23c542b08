import { describe, expect, it } from 'vitest';
import { BlockingIndex } from './blocking';
import { prepareRecord } from './prepare';
import type { PreparedRecord } from './prepare';
import { TODAY } from './test-support';
import { TokenTable, withinOneEdit } from './token-table';
import type { MatchRecord } from './types';

// Blocking with a common given name: 600 people called Daniela or Maria (so the name's code is
// "common" and only looked up in the query's own birth year), with invented surnames.
function setup(extra: readonly MatchRecord[]): { index: BlockingIndex; records: PreparedRecord[] } {
  const table = new TokenTable();
  const index = new BlockingIndex(table);
  const syllables = ['ba', 'co', 'di', 'fu', 'ge', 'hi', 'jo', 'ku', 'le', 'mo', 'nu', 'pi', 'ro', 'sa', 'te', 'vu', 'xe', 'zo'];
  const background: MatchRecord[] = Array.from({ length: 600 }, (_, i) => ({
    id: `bg${i}`,
    givenNames: i % 2 === 0 ? 'Daniela' : 'Maria',
    familyNames: `${syllables[i % 18]}${syllables[Math.floor(i / 18) % 18]}vesk`,
    birthDate: `${1960 + (i % 40)}-03-0${1 + (i % 9)}`,
  }));
  const records = [...background, ...extra].map((r) => prepareRecord(r, table, { today: TODAY }));
  records.forEach((r, i) => index.add(i, r));
  return { index, records };
}

const ids = (index: BlockingIndex, records: PreparedRecord[], query: PreparedRecord): string[] => index.candidates(query, []).map((i) => (records[i] as PreparedRecord).id);

describe('blocking', () => {
  it('pairs two names with the same phonetic code, so a record without a date still meets its namesake spelling', () => {
    // Daniela and Dănilă share the code TNL; with no birth year the pair of codes is the only way in.
    const { index, records } = setup([
      { id: 'known', givenNames: 'Daniela', familyNames: 'Danila' },
      { id: 'query', givenNames: 'Daniela', familyNames: 'Dănilă' },
    ]);
    const query = records.find((r) => r.id === 'query') as PreparedRecord;
    expect(ids(index, records, query)).toContain('known');
  });
});

describe('withinOneEdit', () => {
  const check = (a: string, b: string): boolean => {
    const chars = new Uint16Array([...a, ...b].map((c) => c.charCodeAt(0)));
    return withinOneEdit(chars, 0, a.length, a.length, b.length);
  };

  it('accepts one letter changed, dropped, added, or two neighbours swapped', () => {
    expect(check('costescu', 'costecsu')).toBe(true);
    expect(check('costescu', 'costesku')).toBe(true);
    expect(check('costescu', 'costscu')).toBe(true);
    expect(check('costescu', 'coostescu')).toBe(true);
    expect(check('costescu', 'ostescu')).toBe(true);
    expect(check('costescu', 'costesc')).toBe(true);
  });

  it('refuses equal strings and anything two edits apart', () => {
    expect(check('costescu', 'costescu')).toBe(false);
    expect(check('costescu', 'cotsecsu')).toBe(false);
    expect(check('costescu', 'costes')).toBe(false);
    expect(check('costescu', 'kostesku')).toBe(false);
    expect(check('abcd', 'badc')).toBe(false);
  });
});
