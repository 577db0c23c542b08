// Journey (referral mechanism): an Åsele-like group operation. Twelve berry pickers are found at
// one inspection; the police refer them (set up through the API: twelve referrals are bulk data,
// not the journey). The Nord coordinator then works through the UI: creates the group case, adds
// the twelve, records the ÅMP consent that eleven of them give to IOM, refers the group to ÅMP (the
// first attempt names the one without consent and sends nothing; the second goes to the eleven),
// records a reflection period application and is stopped from recording a second one for the same
// person by another organisation, records the police report for the whole group, and closes one
// case with a reason. axe checks every page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLots, type RunningLots } from './support/lots.js';
import { expectAccessible, launchBrowser, signInAs } from './support/browser.js';
import { signInApi } from './support/api-client.js';

let lots: RunningLots;
let browser: Browser;
let page: Page;
const workers: { id: string; ref: string; name: string }[] = [];

function swedishToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

beforeAll(async () => {
  lots = await startLots();
  browser = await launchBrowser();
  const polis = await signInApi(lots.url, 'polis');
  for (let i = 1; i <= 12; i++) {
    const created = await polis.post<{ id: string; ref: string }>('/cases', {
      person: { givenNames: `Somchai ${String(i).padStart(2, '0')}`, familyNames: 'Bärplockare', sex: 'male', birthYear: 1985 + i, citizenships: ['TH'] },
      municipalityCode: '2463',
      referralSource: 'akc_inspection',
      referredOn: swedishToday(),
      exploitationForms: ['labour'],
      summary: 'Bärplockare påträffade vid myndighetsgemensam kontroll.',
    });
    workers.push({ id: created.id, ref: created.ref, name: `Somchai ${String(i).padStart(2, '0')} Bärplockare` });
  }
  const context = await browser.newContext({ locale: 'sv-SE' });
  page = await context.newPage();
  await signInAs(page, lots.url, 'koordinator.nord');
});
afterAll(async () => {
  await browser?.close();
  await lots?.stop();
});

const bulk = () => page.locator('section[aria-labelledby="bulk-heading"]');
const memberBox = (ref: string) => page.getByRole('checkbox', { name: `Välj ${ref}`, exact: true });

describe('a group of twelve workers handled as one coordinated operation', () => {
  let groupUrl = '';
  const withoutConsent = () => workers[11]!;

  it('the coordinator creates the group case', async () => {
    await page.getByRole('link', { name: 'Gruppärenden' }).click();
    await page.waitForURL('**/groups');
    await expectAccessible(page, 'groups');
    await page.getByLabel('Namn', { exact: true }).fill('Bärplockare Åsele 2026');
    await page.getByLabel('Plats').fill('Åsele');
    await page.getByLabel('Arbetsgivare').fill('Nordbär AB');
    await page.getByLabel('Påträffade').fill(swedishToday());
    await page.getByLabel('Kontroll').fill('Myndighetsgemensam kontroll (AKC) med polis och Arbetsmiljöverket.');
    await page.getByRole('button', { name: 'Skapa gruppärende' }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}/);
    groupUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Bärplockare Åsele 2026');
    await expectAccessible(page, 'new group');
  });

  it('adds the twelve cases from the case list', async () => {
    await page.getByLabel('Referens eller namn').fill('Bärplockare');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => page.getByTestId('add-case-row').count()).toBe(12);
    await page.getByRole('checkbox', { name: 'Välj alla som visas' }).check();
    await page.getByRole('button', { name: 'Lägg till valda ärenden (12)' }).click();
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(12);
    await expect.poll(() => page.getByText('Ärenden tillagda: 12.').isVisible()).toBe(true);
    await expectAccessible(page, 'group with members');
  });

  it('records the ÅMP consent that eleven of them have given to IOM', async () => {
    await page.getByRole('checkbox', { name: 'Välj alla i gruppen' }).check();
    await memberBox(withoutConsent().ref).uncheck();
    await bulk().getByLabel('Registrera samtycke som var och en har lämnat').check();
    await bulk().getByLabel('Syfte', { exact: true }).selectOption({ label: 'Återvändande via ÅMP' });
    await bulk().getByLabel('Mottagare', { exact: true }).selectOption({ label: 'IOM Sverige (ÅMP)' });
    await bulk().getByRole('button', { name: 'Genomför för valda (11)' }).click();
    // The form asks the coordinator to confirm that each person consented personally.
    await expect.poll(() => bulk().getByText('Intyga att varje person själv har lämnat samtycket.').first().isVisible()).toBe(true);
    await expectAccessible(page, 'consent confirmation missing');
    await bulk().getByLabel(/Jag intygar att varje vald person/).check();
    await bulk().getByRole('button', { name: 'Genomför för valda (11)' }).click();
    const results = page.getByTestId('bulk-results');
    await expect.poll(() => results.innerText()).toContain('Samtycken registrerade: 11 av 11');
    await expect.poll(() => page.getByTestId('member-row').filter({ hasText: 'återvändande via ÅMP – IOM Sverige (ÅMP): samtycke lämnat' }).count()).toBe(11);
    await expectAccessible(page, 'consents recorded');
  });

  it('refers the group to ÅMP: the first attempt names the one without consent, then it goes to the eleven', async () => {
    await page.getByRole('checkbox', { name: 'Välj alla i gruppen' }).check();
    await bulk().getByLabel('Hänvisa till en organisation').check();
    await bulk().getByLabel('Syfte', { exact: true }).selectOption({ label: 'Återvändande via ÅMP' });
    await bulk().getByLabel('Mottagare', { exact: true }).selectOption({ label: 'IOM Sverige (ÅMP)' });
    await bulk().getByRole('button', { name: 'Genomför för valda (12)' }).click();
    const refusals = page.getByTestId('bulk-refusals');
    await expect.poll(() => refusals.isVisible()).toBe(true);
    const text = await refusals.innerText();
    expect(text).toContain('Inget skickades: 1 av 12 kan inte hänvisas');
    expect(text).toContain(`${withoutConsent().ref}: inget samtycke registrerat för detta syfte och denna mottagare`);
    expect(await page.getByTestId('member-row').filter({ hasText: 'skickad' }).count()).toBe(0);
    await expectAccessible(page, 'bulk referral refused');

    await refusals.getByRole('button', { name: 'Skicka till de övriga (11)' }).click();
    const results = page.getByTestId('bulk-results');
    await expect.poll(() => results.isVisible()).toBe(true);
    expect(await results.innerText()).toContain('Hänvisningar skickade (återvändande via ÅMP till IOM Sverige (ÅMP)): 11');
    await expect.poll(() => page.getByTestId('member-row').filter({ hasText: 'IOM Sverige (ÅMP): skickad' }).count()).toBe(11);
    expect(await page.getByTestId('member-row').filter({ hasText: withoutConsent().ref }).innerText()).not.toContain('skickad');
    await expectAccessible(page, 'bulk referral sent');
  });

  it('records the same police report for the whole group', async () => {
    await page.getByRole('checkbox', { name: 'Välj alla i gruppen' }).check();
    await bulk().getByLabel('Registrera samma polisanmälan').check();
    await bulk().getByLabel('Brottsrubricering').selectOption('trafficking');
    await bulk().getByLabel('Polisens diarienummer').fill('5000-K123456-26');
    await bulk().getByRole('button', { name: 'Genomför för valda (12)' }).click();
    await expect.poll(() => page.getByTestId('bulk-results').innerText()).toContain('Polisanmälan registrerad i 12 ärenden');
    await expect.poll(() => page.getByTestId('member-row').filter({ hasText: 'människohandel (4:1 a BrB)' }).count()).toBe(12);
    await expectAccessible(page, 'police report recorded');
  });

  it('records a reflection period application, and a second one for the same person is stopped', async () => {
    const personA = workers[0]!;
    await page.getByTestId('member-row').filter({ hasText: personA.ref }).getByRole('link', { name: personA.ref }).click();
    await page.waitForURL(`**/cases/${personA.id}`);
    await expectAccessible(page, 'member case page');
    await page.getByRole('tab', { name: 'Uppehållstillstånd' }).click();
    const form = page.locator('form[aria-labelledby="permit-apply-heading"]');
    await form.getByLabel('Betänketid').check();
    await form.getByLabel('Sökande', { exact: true }).selectOption('social_welfare_board');
    await form.getByLabel('Sökande organisation').selectOption({ label: 'Socialtjänsten Åsele kommun' });
    await form.getByRole('button', { name: 'Registrera ansökan' }).click();
    await expect.poll(() => page.getByText('Ansökan är registrerad.').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('permit-card').count()).toBe(1);
    await expectAccessible(page, 'reflection period applied');

    await form.getByLabel('Sökande', { exact: true }).selectOption('police');
    await form.getByLabel('Sökande organisation').selectOption({ label: 'Polismyndigheten' });
    await form.getByRole('button', { name: 'Registrera ansökan' }).click();
    const guard = page.getByTestId('duplicate-guard');
    await expect.poll(() => guard.isVisible()).toBe(true);
    const message = await guard.innerText();
    expect(message).toContain('Det finns redan en ansökan om betänketid för personen');
    expect(message).toContain('Socialtjänsten Åsele kommun ansökte om betänketid för personen');
    // Focus moves to the alert in an effect after it renders: wait for it rather than race it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('duplicate-guard');
    expect(await page.getByTestId('permit-card').count()).toBe(1);
    await expectAccessible(page, 'duplicate reflection period stopped');
  });

  it('closes one case with a reason', async () => {
    const closing = workers[1]!;
    await page.goto(`${lots.url}/cases/${closing.id}`);
    await page.getByRole('button', { name: 'Avsluta ärendet' }).click();
    const form = page.locator('form[aria-labelledby="close-heading"]');
    await form.getByLabel('Skäl till avslut').selectOption({ label: 'Ingen kontakt' });
    await form.getByLabel('Anteckning').fill('Personen lämnade Sverige innan stödet kunde börja.');
    await expectAccessible(page, 'close form');
    await form.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await expect.poll(() => page.getByText('Ärendet är avslutat.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.case-status').innerText()).toContain('Avslutad');
    await expectAccessible(page, 'closed case');

    await page.goto(groupUrl);
    await expect.poll(() => page.getByTestId('member-row').filter({ hasText: closing.ref }).innerText()).toContain('Avslutad');
    await expectAccessible(page, 'group after closing one case');
  });
});
