import { describe, expect, it } from 'vitest';
import { countTruePairs } from './evaluate';
import { generateDataset } from './generate';

describe('generateDataset', () => {
  const data = generateDataset({ records: 3000, seed: 42 });

  it('is repeatable for a seed and different for another', () => {
    expect(generateDataset({ records: 3000, seed: 42 })).toEqual(data);
    expect(generateDataset({ records: 3000, seed: 43 })).not.toEqual(data);
  });

  it('makes the requested number of records with unique ids and true duplicates among them', () => {
    expect(data).toHaveLength(3000);
    expect(new Set(data.map((l) => l.record.id)).size).toBe(3000);
    expect(countTruePairs(data)).toBeGreaterThan(500);
  });

  it('includes the hard cases: Cyrillic script, swapped or merged name fields, missing, estimated and future dates', () => {
    const records = data.map((l) => l.record);
    expect(records.some((r) => /[\u0400-\u04FF]/.test(r.givenNames))).toBe(true);
    expect(records.some((r) => r.familyNames === '')).toBe(true);
    expect(records.some((r) => r.birthDate === null && r.birthYear === null)).toBe(true);
    expect(records.some((r) => r.birthDate === null && r.birthYear !== null)).toBe(true);
    expect(records.some((r) => r.birthDate?.endsWith('-01-01'))).toBe(true);
    expect(records.some((r) => (r.birthDate ?? '') > '2030')).toBe(true);
  });

  it('gives different persons the same common names, and relatives the same surname', () => {
    const byName = new Map<string, Set<number>>();
    for (const l of data) {
      const key = `${l.record.givenNames.toLowerCase()}|${l.record.familyNames.toLowerCase()}`;
      byName.set(key, (byName.get(key) ?? new Set()).add(l.entity));
    }
    expect([...byName.values()].some((entities) => entities.size > 1)).toBe(true);
  });
});
