// Journey (issue 4), on the demo with its historical statistics (2021–2025, the published
// figures): the national analyst finds every indicator card filled, imports more cases from a
// CSV file through the import page — a file with a mistake first, whose validation report names
// line and column and says what is wrong in Swedish, then the corrected file — sees the file's
// cases added to the dashboard's table view (internal: true counts; published: a 1 hidden as
// "..", not 0), views the annual report in the browser and downloads it as PDF. axe checks
// every page of the app visited.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLots, type RunningLots } from './support/lots.js';
import { expectAccessible, launchBrowser, signInAs } from './support/browser.js';

const HEADER = 'case_ref,person_ref,region,municipality_code,referred_on,referral_source,assessed_on,assessment,sex,age_group,birth_year,citizenship,exploitation_forms,labour_sector';

/** Synthetic cases: in 2024 seven men in labour exploitation and three women in sexual, in 2023 one labour case, and one pending. */
function casesCsv(badSexOnLine4 = false): string {
  const rows: string[] = [];
  for (let i = 1; i <= 7; i++) rows.push(`E2E-L${i},E2E-PL${i},Väst,,2024-02-0${i},police,2024-03-0${i},reason_to_assume,male,adult,,TH,labour,F`);
  for (let i = 1; i <= 3; i++) rows.push(`E2E-S${i},E2E-PS${i},,0180,2024-04-0${i},civil_society,2024-05-0${i},reason_to_assume,female,adult,,RO,sexual,`);
  rows.push('E2E-L0,E2E-PL0,Syd,,2023-06-01,migration_agency,2023-06-20,reason_to_assume,female,,1990,UA,labour,I');
  rows.push('E2E-P1,E2E-PP1,Nord,,2024-09-01,social_services,,pending,unknown,,,,,');
  // Line 4 of the file is the third data row.
  if (badSexOnLine4) rows[2] = rows[2]!.replace(',male,', ',X,');
  return `${HEADER}\n${rows.join('\n')}\n`;
}

let lots: RunningLots;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lots-e2e-stats-'));
  lots = await startLots({ history: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lots?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Matches the dashboard's read of the table by form of exploitation for the given query. */
const formTable = (query: string) => (response: { url(): string }) => response.url().includes('/statistics/identified?by=form&') && response.url().endsWith(query);

/** The cell of a row in a statistics table, by year (the first column is the row header). */
async function cell(page: Page, by: string, row: string, year: number): Promise<string> {
  const table = page.getByTestId(`stat-table-${by}`);
  const years = (await table.locator('thead th').allInnerTexts()).slice(1).map((y) => Number(y.trim()));
  const index = years.indexOf(year);
  expect(index, `${year} is a column of ${by}`).toBeGreaterThanOrEqual(0);
  return (await table.locator(`tr[data-row="${row}"] td`).nth(index).innerText()).trim();
}

describe('national statistics: import cases, read the dashboard, download the report', () => {
  it('the analyst lands on the dashboard, imports a case file and sees its figures', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${lots.url}/login`);
    await expectAccessible(page, 'sign-in');
    await signInAs(page, lots.url, 'analytiker');
    await page.waitForURL('**/statistics');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Statistik');
    await expect.poll(() => page.getByTestId('indicator-3').isVisible()).toBe(true);
    // The demo's history: 2021–2025 by default, every indicator with a value.
    await expect.poll(() => page.getByTestId('indicator-3').innerText()).toMatch(/481\s*personer\s*\(2025\)/);
    for (const id of [1, 2, 3, 4, 5, 6, 7]) expect(await page.getByTestId(`indicator-${id}`).innerText(), `indicator ${id}`).not.toContain('Inga uppgifter');
    expect(await page.getByTestId('indicator-1').innerText()).toContain('DEMODATA');
    await expectAccessible(page, 'statistics dashboard (before import)');

    await page.getByRole('navigation', { name: 'Statistik' }).getByRole('link', { name: 'Import' }).click();
    await page.waitForURL('**/statistics/import');
    await expectAccessible(page, 'statistics import');

    // A file with a mistake: the dry run lists it by line and column; nothing is imported.
    const bad = join(dir, 'cases-bad.csv');
    writeFileSync(bad, casesCsv(true));
    await page.getByLabel('Fil med ärenden (CSV)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Kontrollera filen' }).first().click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Filen har fel: 1' }).isVisible()).toBe(true);
    const errorRow = page.getByTestId('import-errors').locator('tbody tr');
    await expect.poll(() => errorRow.count()).toBe(1);
    expect(await errorRow.locator('th').innerText()).toBe('4');
    expect(await errorRow.locator('td').first().innerText()).toBe('sex');
    expect(await errorRow.locator('td[data-code="not_allowed"]').innerText()).toBe('"X" är inte tillåtet.');
    expect(await page.getByRole('button', { name: /^Importera/ }).count()).toBe(0);
    await expectAccessible(page, 'statistics import (validation report)');

    // The corrected file: a clean dry run, then the import.
    const good = join(dir, 'cases.csv');
    writeFileSync(good, casesCsv());
    await page.getByLabel('Fil med ärenden (CSV)').setInputFiles(good);
    await page.getByRole('button', { name: 'Kontrollera filen' }).first().click();
    await expect.poll(() => page.getByText('Filen är utan fel.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Importera 12 rader' }).click();
    await expect.poll(() => page.getByText(/Importen är klar: 12 rader – 12 nya ärenden/).isVisible(), { timeout: 30_000 }).toBe(true);
    await expectAccessible(page, 'statistics import (done)');

    // The dashboard, 2023–2024, internal figures: the history plus the counts of the file.
    await page.getByRole('navigation', { name: 'Statistik' }).getByRole('link', { name: 'Översikt' }).click();
    await page.waitForURL('**/statistics');
    await page.getByLabel('Från år').selectOption('2023');
    await page.getByLabel('Till år').selectOption('2024');
    await Promise.all([page.waitForResponse(formTable('from=2023&to=2024&publish=false')), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
    const formPanel = page.getByRole('region', { name: 'Identifierade personer efter exploateringsform', exact: true });
    await expect.poll(() => formPanel.getByRole('img').count()).toBe(1);
    await formPanel.getByRole('button', { name: 'Visa som tabell' }).click();
    await expect.poll(() => page.getByTestId('stat-table-form').isVisible()).toBe(true);
    expect(await cell(page, 'form', 'labour', 2024)).toBe(String(233 + 7));
    expect(await cell(page, 'form', 'sexual', 2024)).toBe(String(166 + 3));
    expect(await cell(page, 'form', 'total', 2024)).toBe(String(430 + 10));
    expect(await cell(page, 'form', 'labour', 2023)).toBe(String(189 + 1));
    await expect.poll(() => page.getByTestId('indicator-3').innerText()).toMatch(/440\s*personer\s*\(2024\)/);
    await expectAccessible(page, 'statistics dashboard (internal, table view)');

    // Published figures: the single person in military service in 2021 is hidden and marked "..", never shown as 0.
    await page.getByLabel('Från år').selectOption('2021');
    await page.getByLabel('Publicerade (röjandekontrollerade)').check();
    await Promise.all([page.waitForResponse(formTable('from=2021&to=2024&publish=true')), page.getByRole('button', { name: 'Visa', exact: true }).click()]);
    await expect.poll(() => formPanel.getByRole('img').count()).toBe(1);
    await formPanel.getByRole('button', { name: 'Visa som tabell' }).click();
    await expect.poll(() => page.getByTestId('stat-table-form').locator('caption').innerText()).toMatch(/publicerade siffror/);
    expect(await cell(page, 'form', 'military_service', 2021)).toMatch(/^\.\.\s*dold$/);
    expect(await cell(page, 'form', 'total', 2021)).toBe('490');
    expect(await cell(page, 'form', 'total', 2024)).toBe('440');
    await expectAccessible(page, 'statistics dashboard (published, table view)');
    await context.close();
  });

  it('the analyst views the annual report in the browser and downloads it as PDF', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', acceptDownloads: true });
    const page = await context.newPage();
    await signInAs(page, lots.url, 'analytiker');
    await page.waitForURL('**/statistics');
    await page.getByRole('navigation', { name: 'Statistik' }).getByRole('link', { name: 'Årsrapport' }).click();
    await page.waitForURL('**/statistics/report');
    await page.getByLabel('Rapportår').selectOption('2024');
    await expectAccessible(page, 'annual report');

    // Viewed in a new tab: the report's own HTML, its tables rendered, under its strict CSP.
    const [view] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Visa rapporten 2024' }).click(),
    ]);
    await view.waitForLoadState('load');
    expect(view.url()).toContain('disposition=inline');
    expect(await view.title()).toBe('Människohandel och exploatering i Sverige: statistik 2024');
    const served = await context.request.get(view.url());
    const headers = served.headers();
    expect(headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
    expect(headers['content-disposition']).toMatch(/^inline;/);
    const formTable1 = view.getByRole('table', { name: 'Tabell 1. Identifierade personer efter exploateringsform' });
    await expect.poll(() => formTable1.isVisible()).toBe(true);
    expect((await formTable1.getByRole('row', { name: /^sexuella ändamål/ }).innerText()).split(/\s+/).slice(-4)).toEqual(['249', '174', '182', String(166 + 3)]); // with the file imported above
    expect(await view.getByRole('table').count()).toBeGreaterThan(15);
    await view.close();
    // axe cannot run inside the report (its CSP lets no script run), so check the same HTML on a blank page.
    const copy = await context.newPage();
    await copy.setContent(await served.text());
    await expectAccessible(copy, 'annual report (HTML)');
    await copy.close();

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('report-pdf').click()]);
    expect(download.suggestedFilename()).toBe('lots-statistik-2024-sv.pdf');
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });
});
