// The HTCDS export map, checked against the repository's copy of the HTCDS v2.0 standard: every
// column is a field of the standard (or an explicit lots_ extension) and every value written is a
// value of that field's picklist.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../reference/csv.js';
import { EXPLOITATION_FORMS } from '../codelists/exploitation-forms.js';
import { REFERRAL_SOURCES } from '../codelists/referral-sources.js';
import { SEXES } from '../codelists/sex-age.js';
import { CASE_STATUSES, CLOSURE_REASONS } from '../codelists/case-status.js';
import { COUNTRY_CODES } from '../codelists/countries.js';
import { HTCDS_COLUMNS, caseStatusToHtcds, htcdsCsv, htcdsRow, TRAFFICKING_STATUS, type HtcdsCase } from './htcds.js';
import { HTCDS_SECTOR_FIELD, LABOUR_SECTORS } from './labour-sectors.js';
import { readCsv } from './csv.js';

const fields = parseCsvRecords(readFileSync(new URL('../reference/htcds/htcds_v2.0_field_standards.csv', import.meta.url), 'utf8'));
const fieldNames = new Set(fields.map((f) => f['Field Name including Prefix']));
const picklist = (field: string) => (fields.find((f) => f['Field Name including Prefix'] === field)?.['Value Names (if picklist)'] ?? '').split('|').map((v) => v.trim()).filter(Boolean);

const sample: HtcdsCase = {
  ref: 'C-1', region: 'ost', status: 'closed', closureReason: 'moved_region', referredOn: '2024-01-02', referralSource: 'akc_inspection', sex: 'female',
  citizenships: ['TH', 'SE'], decision: 'reason_to_assume', assessedOn: '2024-02-01', ageAtAssessment: 34, forms: ['labour', 'criminal', 'other'], sector: 'S',
};

describe('HTCDS export', () => {
  it('uses only HTCDS field names, apart from lots_ extensions', () => {
    for (const c of HTCDS_COLUMNS) if (!c.startsWith('lots_')) expect(fieldNames, c).toContain(c);
  });

  it('maps every code to a value of the right picklist', () => {
    for (const f of EXPLOITATION_FORMS) expect(picklist('vic_TypeOfExploitation')).toContain(f.htcds);
    for (const s of SEXES) expect(picklist('prs_Gender')).toContain(s.htcds);
    for (const s of LABOUR_SECTORS) expect(picklist(HTCDS_SECTOR_FIELD)).toContain(s.htcds);
    for (const s of REFERRAL_SOURCES) if (s.htcds) expect(picklist('org_Type')).toContain(s.htcds);
    for (const v of Object.values(TRAFFICKING_STATUS)) expect(picklist('vic_TraffickingStatus')).toContain(v);
    for (const s of CASE_STATUSES) for (const c of [null, ...CLOSURE_REASONS.map((r) => r.code)]) expect(picklist('cas_Status')).toContain(caseStatusToHtcds(s.code, c));
  });

  it('writes a row whose every picklist value is valid', () => {
    const row = htcdsRow(sample);
    expect(row.vic_TypeOfExploitation).toBe('ForcedLabour;Other');
    expect(row.cas_Status).toBe('ClosedReferred');
    expect(row.vic_ForcedLabourIndustry).toBe('S_OtherServiceActivities');
    for (const c of HTCDS_COLUMNS) {
      const allowed = picklist(c);
      if (allowed.length === 0 || c === 'prs_Citizenship') continue;
      for (const v of row[c].split(';').filter(Boolean)) expect(allowed, `${c}=${v}`).toContain(v);
    }
    for (const c of row.prs_Citizenship.split(';')) expect(COUNTRY_CODES).toContain(c);
  });

  it('leaves the decision blank for a pending case and writes CSV with the column header', () => {
    const row = htcdsRow({ ...sample, decision: null, status: 'received' });
    expect([row.vic_TraffickingStatus, row.vic_AgeWhenTrafficked, row.cas_Status]).toEqual(['', '', 'Active']);
    const csv = readCsv(htcdsCsv([sample]));
    expect(csv.records[0]!.fields).toEqual([...HTCDS_COLUMNS]);
    expect(csv.records).toHaveLength(2);
  });
});
