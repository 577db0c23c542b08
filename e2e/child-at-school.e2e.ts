// Journey (referral mechanism): a child found at a school. The school raises a fast referral for
// a 15-year-old in Göteborg; the Väst coordinator starts the assessment and finds reason to assume
// trafficking (§ 1a) with an act and a purpose but no improper means, which the child rule allows
// and the form says so; the coordinator refers the child to social services without consent on the
// child exemption; social services in Göteborg find it in their inbox and accept it. axe checks
// every page visited.
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

/** A birth date that makes the child 15 today: 15 years and about two months ago. */
function birthDateOf15(): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 15);
  d.setUTCMonth(d.getUTCMonth() - 2);
  return d.toISOString().slice(0, 10);
}

describe('a child found at a school is referred to social services on the child exemption', () => {
  let caseUrl = '';
  let caseRef = '';

  it('the school raises a fast referral for a 15-year-old in Göteborg', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'skola.goteborg');
    await page.getByRole('link', { name: 'Ny hänvisning' }).first().click();
    await page.waitForURL('**/cases/new');
    await expectAccessible(page, 'referral form (school)');
    await page.getByLabel('Förnamn').fill('Mira');
    await page.getByLabel('Efternamn').fill('Skolbarn');
    await page.getByLabel('Kön').selectOption('female');
    await page.getByLabel('Födelsedatum').fill(birthDateOf15());
    await page.getByLabel('Kommun där personen befinner sig').selectOption('1480');
    await expect.poll(() => page.getByText('Ärendet går till regionkoordinatorerna i polisregion Väst.').isVisible()).toBe(true);
    await page.getByLabel('Sammanfattning').fill('Eleven berättar att hon tvingas arbeta varje kväll och lämna pengarna till en vuxen.');
    await page.getByRole('button', { name: 'Skicka hänvisning' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    caseUrl = page.url();
    caseRef = (await page.getByTestId('case-ref').innerText()).trim();
    expect(caseRef).toMatch(/^LOTS-\d{4}-\d{6}/);
    await expectAccessible(page, 'case page (school, referrer)');
    // The referrer sees status and its own additions, not the assessment or the other tabs.
    expect(await page.getByRole('tab', { name: 'Bedömning' }).count()).toBe(0);
    await page.context().close();
  });

  it('the Väst coordinator assesses: § 1a with act and purpose, no means, accepted by the child rule', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'koordinator.vast');
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Starta bedömning' }).click();
    await expect.poll(() => page.getByText('Bedömningen är startad').isVisible()).toBe(true);
    await expectAccessible(page, 'case page (coordinator, under assessment)');

    await page.getByRole('button', { name: 'Registrera bedömning' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Bedömning' }).getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('Människohandel (4 kap. 1 a § BrB)').check();
    const rule = page.getByTestId('child-rule');
    await expect.poll(() => rule.innerText()).toContain('Personen är under 18 år vid bedömningen (15 år): inget otillbörligt medel krävs.');
    await expect.poll(() => page.getByText('Otillbörligt medel (krävs inte – barn)').isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: 'Rekryterar', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Tvångsarbete', exact: true }).check();
    await page.getByLabel('Anledning att anta', { exact: true }).check();
    await page.getByLabel('Skäl för bedömningen').fill('Barnet rekryteras till arbete och lämnar inkomsten till en vuxen. Inget medel krävs för ett barn.');
    await expectAccessible(page, 'assessment form with the child rule');
    await page.getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect.poll(() => page.getByText('Bedömningen är sparad.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.case-status').innerText()).toMatch(/Anledning att anta/);
    await expect.poll(() => page.getByRole('heading', { name: /Gällande bedömning: Anledning att anta/ }).isVisible()).toBe(true);
    await expectAccessible(page, 'assessment saved');
    await page.context().close();
  });

  it('the coordinator refers the child to social services without consent, on the child exemption', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'koordinator.vast');
    await page.goto(caseUrl);
    await page.getByRole('tab', { name: 'Hänvisningar och samtycke' }).click();
    const form = page.locator('form[aria-labelledby="send-referral-heading"]');
    await form.getByLabel('Syfte', { exact: true }).selectOption({ label: 'Bistånd från socialtjänsten' });
    await form.getByLabel('Mottagare', { exact: true }).selectOption({ label: 'Socialtjänsten Göteborgs stad' });
    const preview = page.getByTestId('sharing-preview');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.innerText()).toContain('Barn: delas med socialtjänsten utan samtycke');
    expect(await preview.innerText()).toContain('Namn');
    await expectAccessible(page, 'referral preview (child exemption)');
    await form.getByRole('button', { name: 'Skicka hänvisningen' }).click();
    await expect.poll(() => page.getByText(/Hänvisningen \(bistånd från socialtjänsten\) är skickad till Socialtjänsten Göteborgs stad/).isVisible()).toBe(true);
    const row = page.getByTestId('referral-row').first();
    expect(await row.innerText()).toContain('Barn (utan samtycke)');
    expect(await row.innerText()).toContain('Skickad');
    await expectAccessible(page, 'referral sent');
    await page.context().close();
  });

  it('social services in Göteborg find it in the inbox and accept it', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'socialtjanst.goteborg');
    await page.getByRole('link', { name: /^Inkorg/ }).click();
    await page.waitForURL('**/inbox');
    const item = page.getByTestId('inbox-item').filter({ hasText: caseRef });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('Barn (utan samtycke)');
    expect(await item.innerText()).toContain('Mira Skolbarn');
    await expectAccessible(page, 'inbox (social services)');
    await item.getByRole('button', { name: `Acceptera hänvisningen för ${caseRef}` }).click();
    await expect.poll(() => page.getByText(`Du har accepterat hänvisningen för ${caseRef}.`).isVisible()).toBe(true);
    await expect.poll(() => item.innerText()).toContain('Accepterad');
    await expectAccessible(page, 'inbox after accepting');

    await item.getByRole('link', { name: caseRef }).click();
    await page.waitForURL(caseUrl);
    await expect.poll(() => page.getByText('Mira Skolbarn').first().isVisible()).toBe(true);
    await expectAccessible(page, 'case page (social services, assigned)');
    await page.context().close();
  });
});
