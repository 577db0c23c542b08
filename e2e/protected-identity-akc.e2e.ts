// Journey (trust): the police raise a referral for a person with protected personal data and are
// named automatically; the regional coordinator sees only the placeholder until the police officer
// names her in the named-users panel. The officer then records AKC information (Act 2024:307),
// labelled as such; the coordinator, now seeing the name, never sees that note and is offered no
// choice of legal basis. axe checks every page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLots, type RunningLots } from './support/lots.js';
import { signInApi } from './support/api-client.js';
import { expectAccessible, launchBrowser, signInAs } from './support/browser.js';

let lots: RunningLots;
let browser: Browser;
let caseUrl = '';

const AKC_TEXT = 'Syntetisk AKC-uppgift om lönebetalningar via ett bemanningsbolag.';

beforeAll(async () => {
  lots = await startLots({ cases: 0 });
  browser = await launchBrowser();
  const police = await signInApi(lots.url, 'polis');
  const created = await police.post<{ id: string }>('/cases', {
    person: { givenNames: 'Dao', familyNames: 'Skyddadsson', aliases: [], sex: 'female', birthYear: 1995, citizenships: ['TH'], protectedIdentity: true },
    municipalityCode: '0180',
    referralSource: 'police',
    referredOn: '2026-04-20',
    exploitationForms: ['labour'],
    summary: 'Syntetiskt ärende efter en gemensam kontroll.',
  });
  caseUrl = `${lots.url}/cases/${created.id}`;
});
afterAll(async () => {
  await browser?.close();
  await lots?.stop();
});

async function pageAs(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  await signInAs(page, lots.url, username);
  return page;
}

describe('protected identity and AKC information on the case page', () => {
  it('the coordinator who is not named sees the placeholder and is told why', async () => {
    const page = await pageAs('koordinator.stockholm');
    await page.goto(caseUrl);
    await expect.poll(() => page.getByText('Personen har skyddade personuppgifter och du är inte namngiven', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText('Skyddadsson').count()).toBe(0);
    await expectAccessible(page, 'case page (coordinator, not named)');
    await page.context().close();
  });

  it('the police officer, named as registrant, names the coordinator and records AKC information', async () => {
    const page = await pageAs('polis');
    await page.goto(caseUrl);
    await expect.poll(() => page.getByText('Dao Skyddadsson').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Namngivna användare' }).isVisible()).toBe(true);
    await expectAccessible(page, 'case page (police, named)');

    await page.getByRole('button', { name: 'Namnge en användare' }).click();
    await page.getByRole('combobox', { name: 'Användare', exact: true }).selectOption({ label: 'Karin Koordinator (Regionkoordinatorerna Stockholm)' });
    await page.getByLabel('Skäl', { exact: true }).fill('Regionkoordinatorn bedömer ärendet.');
    await page.getByRole('button', { name: 'Namnge', exact: true }).click();
    await expect.poll(() => page.getByText('Karin Koordinator är namngiven och ser nu identiteten.').isVisible()).toBe(true);

    await page.getByLabel('Anteckning', { exact: true }).fill(AKC_TEXT);
    await page.getByLabel('AKC-uppgift enligt lag (2024:307)').check();
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    await expect.poll(() => page.getByTestId('case-note').filter({ hasText: AKC_TEXT }).count()).toBe(1);
    expect(await page.getByTestId('case-note').filter({ hasText: 'AKC-uppgift (lag 2024:307)' }).count()).toBe(1);
    await expectAccessible(page, 'case page (police, AKC note added)');
    await page.context().close();
  });

  it('the coordinator, now named, sees the name but never the AKC note, and has no legal-basis choice', async () => {
    const page = await pageAs('koordinator.stockholm');
    await page.goto(caseUrl);
    await expect.poll(() => page.getByText('Dao Skyddadsson').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Anteckningar' }).isVisible()).toBe(true);
    expect(await page.getByText(AKC_TEXT).count()).toBe(0);
    expect(await page.getByText('Rättslig grund').count()).toBe(0);
    await page.getByLabel('Anteckning', { exact: true }).fill('Koordinatorns syntetiska anteckning.');
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    await expect.poll(() => page.getByTestId('case-note').count()).toBe(1);
    await expectAccessible(page, 'case page (coordinator, named)');
    await page.context().close();
  });
});
