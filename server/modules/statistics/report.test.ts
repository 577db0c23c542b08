// The annual statistics report: self-contained, accessible HTML in Swedish and English with the
// published tables, charts, counting rules and sources; and the PDF printed by Chromium.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { publishedFixtureRecords } from '../../../domain/statistics/published-tables.js';
import { writeCaseFile } from '../../../domain/statistics/case-csv.js';

let t: TestApp;
let analyst: Client;

beforeAll(async () => {
  t = await createTestApp();
  analyst = await signIn(t.app, 'analytiker');
  const post = (url: string, body: string) => analyst.request({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/csv' } });
  expect((await post('/api/v1/statistics/import', writeCaseFile(publishedFixtureRecords()))).statusCode).toBe(200);
  expect((await post('/api/v1/statistics/series/import', readFileSync(new URL('../../seed/published-series.csv', import.meta.url), 'utf8'))).statusCode).toBe(200);
});
afterAll(async () => t.close());

describe('GET /statistics/report', () => {
  it('renders Swedish HTML with the published tables, charts, rules and sources', async () => {
    const res = await analyst.get('/api/v1/statistics/report?year=2024&lang=sv&format=html');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toContain('<caption>Tabell 1. Identifierade personer efter exploateringsform</caption>');
    expect(html).toContain('<th scope="col" class="num">2021</th>');
    expect(html).toContain('<th scope="row">sexuella ändamål</th><td class="num">249</td><td class="num">174</td><td class="num">182</td><td class="num">166</td>');
    expect(html).toContain('<abbr title="dold av röjandekontroll">..</abbr>');
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="[^"]+"/);
    expect(html).toContain('anledning att anta');
    expect(html).toContain('Migrationsverket');
    // Self-contained: no external scripts, styles, images or fonts.
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
  });

  it('is a download by default, and shown inline under its own strict CSP on request', async () => {
    const download = await analyst.get('/api/v1/statistics/report?year=2024&lang=sv&format=html');
    expect(download.headers['content-disposition']).toBe('attachment; filename="lots-statistik-2024-sv.html"');
    const res = await analyst.get('/api/v1/statistics/report?year=2024&lang=en&format=html&disposition=inline');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-disposition']).toBe('inline; filename="lots-statistik-2024-en.html"');
    // Nothing may load or run: no script source at all, styles only inline, images only data:.
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox");
    expect(csp).not.toMatch(/script-src|'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<caption>Table 1. Persons identified, by form of exploitation</caption>');
    expect(res.body).not.toMatch(/<script|\son\w+=/i);
    // The app's own pages keep the app's policy.
    expect(String((await analyst.get('/api/v1/statistics/meta')).headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await analyst.get('/api/v1/statistics/report?year=2024&disposition=embed')).statusCode).toBe(400);
  });

  it('renders English too', async () => {
    const html = (await analyst.get('/api/v1/statistics/report?year=2024&lang=en')).body;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Persons identified, by sex and age');
    expect(html).toContain('How the statistics are counted');
  });

  it('prints a PDF with Chromium', async () => {
    const res = await analyst.get('/api/v1/statistics/report?year=2024&lang=en&format=pdf');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(20_000);
  }, 120_000);

  it('is available to any signed-in user (published tables only) and refuses bad years', async () => {
    const other = await signIn(t.app, 'polis');
    expect((await other.get('/api/v1/statistics/report?year=2024')).statusCode).toBe(200);
    expect((await other.get('/api/v1/statistics/report?year=24')).statusCode).toBe(400);
  });
});
