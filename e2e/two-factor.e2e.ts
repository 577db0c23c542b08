// Journey (sign-in as agencies expect): with LOTS_MFA=required, a coordinator signs in with the
// password and is sent to set up an authenticator (QR code and key); the journey computes the
// codes as the phone app would. The security page shows it on; the next sign-in asks for the
// code, refuses a wrong one and accepts the right one. An administrator resets it. axe checks
// every page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLots, type RunningLots } from './support/lots.js';
import { expectAccessible, launchBrowser } from './support/browser.js';
import { totpCode } from '../server/auth/totp.js';

let lots: RunningLots;
let browser: Browser;

beforeAll(async () => {
  lots = await startLots({ cases: 2, env: { LOTS_MFA: 'required' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lots?.stop();
});

const cspViolations: string[] = [];

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  // The QR code is an SVG data: image, which the Content Security Policy (img-src 'self' data:) allows.
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|apply|execute|connect)/i.test(m.text())) cspViolations.push(m.text());
  });
  return page;
}

async function passwordStep(page: Page, username: string): Promise<void> {
  await page.goto(`${lots.url}/login`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill('demo-lots-2026');
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Completes the forced set-up and returns the key the page showed. */
async function enrol(page: Page, where: string): Promise<string> {
  await page.waitForURL('**/login/enrol**');
  await expect.poll(() => page.getByTestId('totp-secret').isVisible()).toBe(true);
  await expectAccessible(page, where);
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect.poll(() => page.getByRole('img', { name: 'QR-kod för att lägga till Lots i autentiseringsappen' }).isVisible()).toBe(true);
  await page.getByLabel('Engångskod').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Bekräfta och fortsätt' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return secret;
}

describe('two-factor sign-in with an authenticator app', () => {
  let secret = '';

  it('a coordinator must set up an authenticator before reaching any case', async () => {
    const page = await freshPage();
    await passwordStep(page, 'koordinator.stockholm');
    // Straight to the set-up: the case list is out of reach until it is done.
    secret = await enrol(page, 'authenticator set-up (forced)');
    await page.getByRole('link', { name: 'Säkerhet' }).click();
    await page.waitForURL('**/security');
    await expect.poll(() => page.getByTestId('security-status').innerText()).toMatch(/Aktiverad sedan/);
    await expectAccessible(page, 'security page');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    // The sign-in page, with or without ?next= (the header's sign-out and the session guard race).
    await page.waitForURL((u) => u.pathname === '/login');
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('the next sign-in asks for the code, refuses a wrong one and accepts the right one', async () => {
    const page = await freshPage();
    await passwordStep(page, 'koordinator.stockholm');
    await expect.poll(() => page.getByRole('heading', { name: 'Ange engångskod' }).isVisible()).toBe(true);
    await expectAccessible(page, 'code step');
    // Nothing but the code step is open meanwhile.
    expect((await page.request.get(`${lots.url}/api/v1/cases`)).status()).toBe(401);
    await page.getByLabel('Engångskod').fill(totpCode(secret, Date.now() - 300_000));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await expect.poll(() => page.getByText('Fel kod.').isVisible()).toBe(true);
    await expectAccessible(page, 'code step with an error');
    await page.getByLabel('Engångskod').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Ärenden' }).first().click();
    await page.waitForURL('**/cases');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/Ärenden/);
    await page.context().close();
  });

  it('an administrator resets it, and the coordinator sets up a new one at the next sign-in', async () => {
    const admin = await freshPage();
    await passwordStep(admin, 'admin');
    await enrol(admin, 'authenticator set-up (administrator)');
    await admin.goto(`${lots.url}/admin`);
    const reset = admin.getByRole('button', { name: 'Återställ tvåfaktorsinloggning för koordinator.stockholm' });
    await expect.poll(() => reset.isVisible()).toBe(true);
    await expectAccessible(admin, 'administration with the reset buttons');
    await reset.click();
    await admin.getByRole('button', { name: 'Ja, återställ' }).click();
    await expect.poll(() => admin.getByText('Återställd för koordinator.stockholm.').isVisible()).toBe(true);
    await admin.context().close();

    const page = await freshPage();
    await passwordStep(page, 'koordinator.stockholm');
    const fresh = await enrol(page, 'authenticator set-up after a reset');
    expect(fresh).not.toBe(secret);
    await page.context().close();
  });
});
