// The CI dependency audit (scripts/audit-deps.ts): high and critical advisories block unless
// allow-listed with a reason and an unexpired date; an unreachable audit endpoint warns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateAudit, parseAllowlist } from '../../scripts/audit-deps.js';

// The shape `npm audit --json` (npm 7+, auditReportVersion 2) prints.
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    'fast-xml-thing': {
      name: 'fast-xml-thing',
      severity: 'high',
      isDirect: false,
      via: [{ source: 1101234, name: 'fast-xml-thing', dependency: 'fast-xml-thing', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', severity: 'high', range: '<4.2.4' }],
      effects: ['some-parent'],
      range: '<4.2.4',
      fixAvailable: true,
    },
    'some-parent': { name: 'some-parent', severity: 'high', isDirect: true, via: ['fast-xml-thing'], effects: [], range: '1.x', fixAvailable: true },
    'tiny-lib': {
      name: 'tiny-lib',
      severity: 'moderate',
      via: [{ source: 1105555, name: 'tiny-lib', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-dddd-eeee-ffff', severity: 'moderate', range: '<1.0.1' }],
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 0, total: 3 } },
};

const allow = (expires: string, advisory = 'GHSA-aaaa-bbbb-cccc') => [{ advisory, package: 'fast-xml-thing', reason: 'only parses our own fixed files', expires }];

describe('dependency audit', () => {
  it('blocks an unexamined high advisory, not a moderate one', () => {
    const out = evaluateAudit(report, [], '2026-11-25');
    expect(out.kind).toBe('checked');
    if (out.kind !== 'checked') return;
    expect(out.blocking.map((a) => `${a.package} ${a.severity} ${a.url}`)).toEqual(['fast-xml-thing high https://github.com/advisories/GHSA-aaaa-bbbb-cccc']);
    expect(out.counts).toMatchObject({ high: 2, moderate: 1 });
  });

  it('lets an allow-listed advisory through until its expiry date, by GHSA id, URL or number', () => {
    for (const id of ['GHSA-aaaa-bbbb-cccc', 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', '1101234']) {
      const out = evaluateAudit(report, allow('2026-12-31', id), '2026-11-25');
      expect(out.kind === 'checked' && out.blocking.length === 0 && out.allowed.length === 1, id).toBe(true);
    }
    const expired = evaluateAudit(report, allow('2026-11-24'), '2026-11-25');
    expect(expired.kind === 'checked' && expired.blocking.length === 1 && expired.expired.length === 1).toBe(true);
  });

  it('reports an unreachable audit endpoint as unavailable, not as clean', () => {
    const offline = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 };
    expect(evaluateAudit(offline, [], '2026-11-25')).toEqual({ kind: 'unavailable', message: offline.message });
  });

  it('ships a valid, documented allow-list and refuses entries without a reason or date', () => {
    expect(Array.isArray(parseAllowlist(JSON.parse(readFileSync('security/audit-allowlist.json', 'utf8'))))).toBe(true);
    expect(() => parseAllowlist({ entries: [{ advisory: 'GHSA-x', package: 'p', reason: '', expires: '2027-01-01' }] })).toThrow(/reason/);
    expect(() => parseAllowlist({ entries: [{ advisory: 'GHSA-x', package: 'p', reason: 'r', expires: 'soon' }] })).toThrow(/expires/);
  });
});
