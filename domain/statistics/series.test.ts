// External series files: the shipped published figures validate, and bad rows are named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeriesFile, SERIES_COLUMNS } from './series.js';

describe('external series CSV', () => {
  it('accepts the published figures shipped for the demo', () => {
    const text = readFileSync(new URL('../../server/seed/published-series.csv', import.meta.url), 'utf8');
    const r = readSeriesFile(text);
    expect(r.errors).toEqual([]);
    expect(r.values.find((v) => v.series === 'reported_crimes' && v.measure === 'trafficking' && v.year === 2023)?.value).toBe(228);
  });

  it('names line, column and allowed values', () => {
    const head = SERIES_COLUMNS.join(',');
    const r = readSeriesFile(`${head}\nreported_crimes,theft,total,2024,3,offences,Brå,\nreported_crimes,trafficking,total,2024,-1,offences,Brå,\nreported_crimes,trafficking,total,2024,5,cases,,\nreported_crimes,procuring,total,2024,5,offences,Brå,\nreported_crimes,procuring,total,2024,6,offences,Brå,`);
    const got = r.errors.map((e) => `${e.line}:${e.column}`);
    expect(got).toEqual(['2:measure', '3:value', '4:unit', '4:source', '4:year', '6:year']);
    expect(r.errors[0]!.allowed).toContain('trafficking');
    expect(r.values).toEqual([]);
  });

  it('refuses a wrong header', () => {
    expect(readSeriesFile('a,b\n1,2').errors[0]!.message).toContain(SERIES_COLUMNS.join(','));
  });
});
