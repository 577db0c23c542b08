// Journey (person matching): the same woman is referred twice in Väst under two spellings. A
// school's referral form says only that the person may already be known; the nightly run puts
// the pair in the Väst coordinator's queue; the coordinator reads the evidence, merges the two
// records and, having second thoughts, undoes the merge. axe checks every page visited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLots, type RunningLots } from './support/lots.js';
import { signInApi } from './support/api-client.js';
import { expectAccessible, launchBrowser, signInAs } from './support/browser.js';
import { runDedupe } from '../server/modules/persons/dedupe.service.js';

let lots: RunningLots;
let browser: Browser;

const person = (givenNames: string, familyNames: string) => ({
  givenNames,
  familyNames,
  aliases: [],
  sex: 'female',
  birthDate: '1990-05-17',
  citizenships: ['RO'],
  protectedIdentity: false,
});

beforeAll(async () => {
  lots = await startLots({ cases: 0 });
  browser = await launchBrowser();
  const vast = await signInApi(lots.url, 'koordinator.vast');
  for (const [given, family] of [
    ['Ioana', 'Popescu'],
    ['Ioana Maria', 'Popesku'],
  ]) {
    await vast.post('/cases', { person: person(given!, family!), municipalityCode: '1480', referralSource: 'akc_inspection', referredOn: '2026-04-14', exploitationForms: ['labour'], summary: 'Syntetiskt.' });
  }
  await runDedupe(lots.database.db);
});
afterAll(async () => {
  await browser?.close();
  await lots?.stop();
});

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  return context.newPage();
}

describe('the same person registered twice is found, merged and unmerged', () => {
  it('the referral form tells a school only that the person may already be known', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'skola.goteborg');
    await page.goto(`${lots.url}/cases/new`);
    await page.getByLabel('Förnamn').fill('Ioana');
    await page.getByLabel('Efternamn').fill('Popescu');
    await page.getByLabel('Födelsedatum').fill('1990-05-17');
    await page.getByRole('button', { name: 'Sök efter befintlig person' }).click();
    await expect.poll(() => page.getByText('Personen kan redan vara känd.').isVisible()).toBe(true);
    expect(await page.getByText('Popesku').count()).toBe(0);
    await expectAccessible(page, 'referral form with the neutral signal');
    await page.context().close();
  });

  it('the Väst coordinator reviews the evidence and merges the two records', async () => {
    const page = await freshPage();
    await signInAs(page, lots.url, 'koordinator.vast');
    await page.getByRole('link', { name: 'Möjliga dubbletter' }).click();
    await page.waitForURL('**/persons/review');
    await expect.poll(() => page.getByTestId('candidate-row').count()).toBe(1);
    await expectAccessible(page, 'review queue');
    await page.getByRole('link', { name: /Granska paret/ }).click();
    await page.waitForURL(/\/persons\/review\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('img', { name: 'Bidrag per uppgift till bedömningen, i bitar' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Bevisningen som tabell' }).innerText()).toContain('samma datum');
    await expectAccessible(page, 'pair page');
    await page.getByRole('group', { name: 'Förnamn: vilket värde ska gälla?' }).getByLabel(/^A:/).check();
    await page.getByRole('button', { name: 'Slå ihop personerna' }).click();
    await page.waitForURL('**/persons/review');
    await expect.poll(() => page.getByText('Personerna är sammanslagna.').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('merge-row').count()).toBe(1);
    await expectAccessible(page, 'review queue after the merge');
    await page.getByRole('button', { name: /Ångra sammanslagningen/ }).click();
    await expect.poll(() => page.getByText('Sammanslagningen är ångrad.').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('candidate-row').count()).toBe(1);
    await page.context().close();
  });
});

describe('a pair offered through a third person', () => {
  it('explains the corroboration and links the supporting pair', async () => {
    const vast = await signInApi(lots.url, 'koordinator.vast');
    // One invented person, three registrations: X and Z share only their names; Y bridges them.
    const ids: string[] = [];
    for (const extra of [
      { birthDate: '1991-04-12', citizenships: [] },
      { birthDate: '1991-04-12', citizenships: ['UA'] },
      { givenNames: 'Oksana Marta', birthDate: null, citizenships: ['UA'] },
    ]) {
      const created = await vast.post<{ person: { id: string } }>('/cases', {
        person: { ...person('Oksana', 'Vyhadana'), ...extra },
        municipalityCode: '1480',
        referralSource: 'akc_inspection',
        referredOn: '2026-04-14',
        exploitationForms: ['labour'],
        summary: 'Syntetiskt.',
      });
      ids.push(created.person.id);
    }
    await runDedupe(lots.database.db);
    const [x, , z] = ids as [string, string, string];
    const queue = await vast.get<{ items: { id: string; personA: { personId: string }; personB: { personId: string } }[] }>('/persons/candidates?status=open&pageSize=100');
    const pair = queue.items.find((i) => [i.personA.personId, i.personB.personId].sort().join() === [x, z].sort().join());
    expect(pair).toBeDefined();

    const page = await freshPage();
    await signInAs(page, lots.url, 'koordinator.vast');
    await page.goto(`${lots.url}/persons/review`);
    await expect.poll(() => page.getByText('genom en tredje person').count()).toBe(1);
    await expectAccessible(page, 'review queue with a corroborated pair');
    await page.goto(`${lots.url}/persons/review/${pair!.id}`);
    const note = page.getByRole('region', { name: 'Styrks genom en tredje person' });
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain('ingen av dem talar emot');
    await expectAccessible(page, 'pair page with a corroboration');
    await note.getByRole('link', { name: /Öppna stödjande par/ }).first().click();
    await page.waitForURL((url) => !url.pathname.endsWith(pair!.id));
    await expect.poll(() => page.getByRole('heading', { name: 'Styrks genom en tredje person' }).count()).toBe(0);
    await page.context().close();
  });
});
