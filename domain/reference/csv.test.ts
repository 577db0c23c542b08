import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","x\ny"\n')).toEqual([['a', 'b, c', 'say "hi"', 'x\ny']]);
  });

  it('accepts CRLF, a missing final newline, empty fields and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b\r\n1,\r\n,2')).toEqual([['a', 'b'], ['1', ''], ['', '2']]);
  });

  it('keys records by the header', () => {
    expect(parseCsvRecords('code,name\n0114,Upplands Väsby\n')).toEqual([{ code: '0114', name: 'Upplands Väsby' }]);
    expect(parseCsvRecords('')).toEqual([]);
  });
});
