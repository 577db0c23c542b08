// Debian's Chromium through playwright-core, and an axe check for every page a journey visits.
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Fails the journey on any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

export async function signInAs(page: Page, baseUrl: string, username: string, password = 'demo-lots-2026'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/användarnamn|username/i).fill(username);
  await page.getByLabel(/lösenord|password/i).fill(password);
  await page.getByRole('button', { name: /logga in|sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
