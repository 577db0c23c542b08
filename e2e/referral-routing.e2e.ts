// Journey (foundation): a first responder at Stockholm's social services raises a referral;
// the Stockholm coordinator sees it; the Väst coordinator gets "not found"; the auditor finds
// both reads. axe checks every page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLots, type RunningLots } from './support/lots.js';
import { expectAccessible, launchBrowser, signInAs } from './support/browser.js';

let lots: RunningLots;
let browser: Browser;

beforeAll(async () => {
  lots = await startLots();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lots?.stop();
});

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  return context.newPage();
}

describe('raise a referral and route it to the right region', () => {
  let caseUrl = '';
  let caseRef = '';

  it('the first responder raises a referral; the municipality picks the region', async () => {
    const page = await freshPage();
    await page.goto(`${lots.url}/login`);
    await expectAccessible(page, 'sign-in');
    await signInAs(page, lots.url, 'socialsekreterare');
    await expect.poll(() => page.getByText('Demoläge').first().isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Ny hänvisning' }).first().click();
    await page.waitForURL('**/cases/new');
    await expectAccessible(page, 'referral form');
    await page.getByLabel('Förnamn').fill('Nok');
    await page.getByLabel('Efternamn').fill('Journeyperson');
    await page.getByLabel('Kön').selectOption('female');
    await page.getByLabel('Födelseår').fill('1996');
    await page.getByLabel('Kommun där personen befinner sig').selectOption('0180');
    await expect.poll(() => page.getByText('Ärendet går till regionkoordinatorerna i polisregion Stockholm.').isVisible()).toBe(true);
    await page.getByLabel('Arbetskraft').check();
    await page.getByRole('button', { name: 'Skicka hänvisning' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    caseUrl = page.url();
    caseRef = (await page.getByTestId('case-ref').innerText()).trim();
    expect(caseRef).toMatch(/^LOTS-\d{4}-\d{6}/);
    await expectAccessible(page, 'case page (referrer)');
    await page.context().close();
  });

  it('the Stockholm coordinator sees it in the list and opens it', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'koordinator.stockholm');
    await page.goto(`${lots.url}/cases`);
    await expectAccessible(page, 'case list');
    const row = page.getByTestId('case-row').filter({ hasText: caseRef.slice(0, 16) });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link').first().click();
    await page.waitForURL(caseUrl);
    await expect.poll(() => page.getByText('Nok Journeyperson').isVisible()).toBe(true);
    await expectAccessible(page, 'case page (coordinator)');
    await page.context().close();
  });

  it('the Väst coordinator does not see it and gets "not found"', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'koordinator.vast');
    await page.goto(`${lots.url}/cases`);
    await expect.poll(() => page.getByTestId('case-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('case-row').filter({ hasText: caseRef.slice(0, 16) }).count()).toBe(0);
    await page.goto(caseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/hittades inte|finns inte/i);
    expect(await page.getByText('Journeyperson').count()).toBe(0);
    await expectAccessible(page, 'not found');
    await page.context().close();
  });

  it('the auditor finds both coordinators’ reads of the case', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'revisor');
    await page.goto(`${lots.url}/audit`);
    await expectAccessible(page, 'audit search');
    await page.getByLabel('Ärendereferens').fill(caseRef.slice(0, 16));
    await page.getByRole('button', { name: 'Sök' }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.innerText()).toContain('koordinator.stockholm');
    const text = await table.innerText();
    expect(text).toContain('koordinator.vast');
    expect(text).toMatch(/case\.read/);
    await expectAccessible(page, 'audit results');
    await page.context().close();
  });
});
