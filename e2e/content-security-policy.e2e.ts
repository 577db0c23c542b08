// Journey (trust): the built web app works under the server's strict Content Security Policy.
// Every page a coordinator visits is checked for CSP violations (inline script or style, a
// foreign origin) reported by Chromium itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLots, type RunningLots } from './support/lots.js';
import { launchBrowser, signInAs } from './support/browser.js';

let lots: RunningLots;
let browser: Browser;

beforeAll(async () => {
  lots = await startLots({ cases: 6 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lots?.stop();
});

async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|apply|execute|connect)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  return { page, violations };
}

describe('the web app under the Content Security Policy', () => {
  it('is served with the policy and loads every page without a violation', async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto(`${lots.url}/login`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await signInAs(page, lots.url, 'koordinator.stockholm');
    for (const path of ['/cases', '/cases/new']) {
      await page.goto(`${lots.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${lots.url}/cases`);
    await page.waitForLoadState('networkidle');
    const firstCase = page.locator('a[href^="/cases/"]:not([href="/cases/new"])').first();
    if (await firstCase.count()) {
      await firstCase.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
      await page.waitForLoadState('networkidle');
    }
    // The app really ran (React rendered), and nothing was blocked.
    expect(await page.locator('#root *').count()).toBeGreaterThan(5);
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
