import { describe, expect, it } from 'vitest';
import { formatBatchOutput, parseBatchInput } from './batch-io';
import { formatCsv, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes, with the starting line', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n';
    const { rows, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('skips a byte-order mark and blank lines, and keeps a last line without a newline', () => {
    const { rows } = parseCsv('\uFEFFa,b\n\n1,2');
    expect(rows.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reports malformed rows by line and goes on', () => {
    const { rows, errors } = parseCsv('a,b\nbad"quote,1\n"closed"junk,2\nok,3\n');
    expect(errors).toEqual([
      { line: 2, message: 'a quote inside an unquoted field' },
      { line: 3, message: 'unexpected text after a closing quote' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 4]);
  });

  it('reports a quote that is never closed', () => {
    const { errors } = parseCsv('a,b\n1,"open\n2,3\n');
    expect(errors).toEqual([{ line: 2, message: 'quoted field is never closed' }]);
  });

  it('writes fields back with quoting where needed', () => {
    expect(formatCsv([['a', 'b,c', 'd"e']])).toBe('a,"b,c","d""e"\n');
  });
});

describe('parseBatchInput', () => {
  const header = 'record_id,given_names,family_names,birth_date,birth_year,sex,citizenship';

  it('reads records, with several citizenships and columns in any order', () => {
    const { records, errors } = parseBatchInput(`citizenship,sex,birth_year,birth_date,family_names,given_names,record_id\n"RO;MD",f,,1990-05-17,Exemplescu,Ana Maria,r1\n`);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { id: 'r1', givenNames: 'Ana Maria', familyNames: 'Exemplescu', birthDate: '1990-05-17', birthYear: null, sex: 'f', citizenships: ['RO', 'MD'] },
    ]);
  });

  it('reports wrong field counts, empty and repeated ids by line', () => {
    const text = `${header}\nr1,Ana,Exemplescu,,,f,RO\nr2,Ion\n,Ion,Testenko,,,m,UA\nr1,Ion,Testenko,,,m,UA\n`;
    const { records, errors } = parseBatchInput(text);
    expect(records.map((r) => r.id)).toEqual(['r1']);
    expect(errors).toEqual([
      { line: 3, message: 'expected 7 fields, found 2' },
      { line: 4, message: 'record_id is empty' },
      { line: 5, message: 'record_id r1 appears more than once' },
    ]);
  });

  it('keeps rows with doubtful values, as warnings, and accepts empty names and future dates', () => {
    const text = `${header}\nr1,,"!!!",2091-01-01,,,\nr2,Ion,Testenko,17/05/1990,about 30,m,UA\n`;
    const { records, errors, warnings } = parseBatchInput(text);
    expect(errors).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ givenNames: '', familyNames: '!!!', birthDate: '2091-01-01' });
    expect(warnings.map((w) => w.line)).toEqual([3, 3]);
  });

  it('fails cleanly on missing columns or an empty file', () => {
    expect(parseBatchInput('record_id,given_names\nr1,Ana\n').errors).toEqual([
      { line: 1, message: 'missing columns: family_names, birth_date, birth_year, sex, citizenship' },
    ]);
    expect(parseBatchInput('').errors).toEqual([{ line: 1, message: 'the file is empty' }]);
  });
});

describe('formatBatchOutput', () => {
  it('writes record_id_a, record_id_b, score, band', () => {
    expect(formatBatchOutput([{ recordIdA: 'r1', recordIdB: 'r2', score: 0.98765, weight: 6.3, band: 'review' }])).toBe(
      'record_id_a,record_id_b,score,band\nr1,r2,0.9877,review\n',
    );
  });
});
