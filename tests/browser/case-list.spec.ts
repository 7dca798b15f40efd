import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, enterApp } from './fixtures';
import { manyCaseNumber, seedCases, seedManyCases, type SeedCase } from './case-list-seed';

/** Seeding order is creation order; days never go backwards, so a later seed is a newer case. */
const CASES: SeedCase[] = [
  { surname: 'Rossi', name: 'Mario', codiceFiscale: 'RSSMRA85D12H501Z', day: '2026-11-19', state: 'acknowledged' },
  { surname: 'Bruno', name: 'Marco', day: '2026-11-19', state: 'needs-attention' },
  { surname: 'Bianchi', name: 'Laura', codiceFiscale: 'BNCLRA90A41F205X', day: '2026-11-20', state: 'queued' },
  { surname: 'Verdi', name: 'Giuseppe', day: '2026-11-20', state: 'sending' },
  { surname: 'Esposito', name: 'Anna', day: '2026-11-21', state: 'needs-attention' },
  { surname: 'Russo', name: 'Francesco', day: '2026-11-21', state: 'draft', urgent: true },
  { surname: 'Romano', name: 'Chiara', day: '2026-11-22', state: 'sent' },
  { surname: 'Colombo', name: 'Luca', day: '2026-11-22', state: 'refused' },
  { surname: 'Ricci', name: 'Giulia', day: '2026-11-22', state: 'ready' },
  { surname: 'Marino', name: 'Paolo', day: '2026-11-23', state: 'queued', urgent: true },
  { surname: 'Greco', name: 'Sara', day: '2026-11-23', state: 'draft' },
  { surname: 'Rossini', name: 'Elena', day: '2026-11-23', state: 'queued' },
];

const fullName = (c: SeedCase) => `${c.surname} ${c.name}`;
/** Urgent first, then newest first. */
const EXPECTED_ORDER = CASES.map((c, i) => ({ c, i }))
  .sort((a, b) => Number(b.c.urgent ?? false) - Number(a.c.urgent ?? false) || b.i - a.i)
  .map(({ c }) => fullName(c));

const list = (page: Page) => page.getByRole('listbox', { name: /Elenco delle pratiche/ });
const total = (page: Page) => page.locator('.cases-total');

/** Names of the mounted rows, in list order (DOM order is not list order once the active row is kept mounted). */
async function shownNames(listbox: Locator): Promise<string[]> {
  const rows = await listbox.getByRole('option').evaluateAll((options) =>
    options.map((o) => ({ pos: Number(o.getAttribute('aria-posinset')), name: o.querySelector('.case-name')?.textContent ?? '' })),
  );
  return rows.sort((a, b) => a.pos - b.pos).map((r) => r.name);
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Cerca per nome, codice fiscale o numero di pratica').fill(text);
}

test('the case list orders urgent cases first, shows states in Italian, counts what waits, searches, filters and opens by keyboard', async ({ page }) => {
  await enterApp(page);
  const numbers = await seedCases(page, CASES);
  const listbox = list(page);
  await expect(total(page)).toHaveText('12 pratiche');
  await expect.poll(() => shownNames(listbox)).toEqual(EXPECTED_ORDER);

  for (const label of ['Bozza', 'Pronta', 'In coda di invio', 'In invio', 'Inviata', 'Confermata dal servizio centrale', 'Respinta dal servizio centrale', 'Da verificare']) {
    await expect(listbox.locator('.case-state', { hasText: new RegExp(`^${label}$`) }).first()).toBeVisible();
  }
  await expect(listbox.getByRole('option', { name: /Russo Francesco/ })).toContainText('Urgente');
  await expect(listbox.getByRole('option', { name: /Rossi Mario/ })).toContainText('Aperta il 19/11/2026');

  const queue = page.locator('.send-queue');
  await expect(queue).toContainText('6 in attesa di invio');
  await expect(queue).toContainText('in coda: 3');
  await expect(queue).toContainText('in invio: 1');
  await expect(queue).toContainText('da verificare: 2');

  // Search: a name prefix (two cases), both name words, the full codice fiscale, the case number.
  await search(page, 'ross');
  await expect.poll(() => shownNames(listbox)).toEqual(['Rossini Elena', 'Rossi Mario']);
  await search(page, 'mario ROSSI');
  await expect.poll(() => shownNames(listbox)).toEqual(['Rossi Mario']);
  await search(page, 'bnclra90a41f205x');
  await expect.poll(() => shownNames(listbox)).toEqual(['Bianchi Laura']);
  await search(page, numbers[3]);
  await expect.poll(() => shownNames(listbox)).toEqual(['Verdi Giuseppe']);
  // Too short to search: explained in place, the previous result stays.
  await search(page, 'ro');
  await expect(page.getByRole('alert')).toContainText('Ricerca non avviata: scrivere almeno 3 lettere');
  await expect(page.getByLabel('Cerca per nome, codice fiscale o numero di pratica')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Cerca per nome, codice fiscale o numero di pratica')).toHaveAccessibleDescription(/Almeno 3 lettere.*Ricerca non avviata/);
  await expect(total(page)).toHaveText('1 pratica');
  await search(page, 'zzzzz');
  await expect(page.getByText('Nessuna pratica corrisponde alla ricerca o ai filtri.')).toBeVisible();
  await page.getByRole('button', { name: 'Azzera filtri' }).click();
  await expect(total(page)).toHaveText('12 pratiche');

  await page.getByLabel('Stato').selectOption({ label: 'Da verificare' });
  await expect.poll(() => shownNames(listbox)).toEqual(['Esposito Anna', 'Bruno Marco']);
  await page.getByLabel('Stato').selectOption({ label: 'Tutti gli stati' });

  // Date range, dd/mm/yyyy, inclusive of both days.
  await page.getByLabel('Dal giorno (gg/mm/aaaa)', { exact: true }).fill('21/11/2026');
  await page.getByLabel('Al giorno (gg/mm/aaaa)', { exact: true }).fill('22/11/2026');
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await expect.poll(() => shownNames(listbox)).toEqual(['Russo Francesco', 'Ricci Giulia', 'Colombo Luca', 'Romano Chiara', 'Esposito Anna']);
  // Bad dates: an impossible day, then a reversed range; each explained, the filter in force stays.
  await page.getByLabel('Al giorno (gg/mm/aaaa)', { exact: true }).fill('31/02/2026');
  await page.getByLabel('Al giorno (gg/mm/aaaa)', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('Data «31/02/2026» non valida: scriverla come gg/mm/aaaa');
  await expect(page.getByLabel('Al giorno (gg/mm/aaaa)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(total(page)).toHaveText('5 pratiche');
  await page.getByLabel('Al giorno (gg/mm/aaaa)', { exact: true }).fill('20/11/2026');
  await page.getByLabel('Al giorno (gg/mm/aaaa)', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('il giorno iniziale (21/11/2026) viene dopo quello finale (20/11/2026)');
  await expect(total(page)).toHaveText('5 pratiche');
  await page.getByRole('button', { name: 'Azzera filtri' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(total(page)).toHaveText('12 pratiche');

  // Keyboard: one Tab stop for the whole list, arrows move, Enter opens.
  await page.getByRole('button', { name: 'Azzera filtri' }).focus();
  await page.keyboard.press('Tab');
  await expect(listbox).toBeFocused();
  await page.keyboard.press('End');
  await expect(listbox.getByRole('option', { selected: true })).toContainText('Rossi Mario');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option', { selected: true })).toContainText('Russo Francesco');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`^Pratica ${numbers[5]}`) })).toBeVisible();
  await page.getByRole('button', { name: 'Torna all’elenco' }).click();
  await page.getByRole('main').getByRole('button', { name: 'Nuova pratica' }).click();
  await expect(page.getByRole('heading', { name: 'Nuova pratica', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Torna all’elenco' }).click();
  await expect(total(page)).toHaveText('12 pratiche');

  // The list follows writes made elsewhere (the wizard, the outbox, another window).
  await seedCases(page, [{ surname: 'Gallo', name: 'Irene', day: '2026-11-24', state: 'queued', urgent: true }]);
  await expect(total(page)).toHaveText('13 pratiche');
  await expect.poll(async () => (await shownNames(listbox))[0]).toBe('Gallo Irene');
  await expect(queue).toContainText('7 in attesa di invio');
});

test('a case whose stored record was tampered with is flagged in its row and the others stay readable', async ({ page }) => {
  await enterApp(page);
  await expect(page.getByText('Nessuna pratica. Le pratiche acquisite allo sportello compariranno qui.')).toBeVisible();
  await expect(page.locator('.send-queue')).toContainText('0 in attesa di invio');
  const numbers = await seedCases(page, CASES.slice(0, 3));
  await expect(total(page)).toHaveText('3 pratiche');
  await page.evaluate(
    async ({ modules, number }) => {
      const [{ useSession }] = await Promise.all(modules.map((m) => import(/* @vite-ignore */ m)));
      const db = useSession.getState().store.db;
      const row = await db.cases.where('number').equals(number).first();
      const data = new Uint8Array(row.sealed.data.slice(0));
      data[0] ^= 0xff;
      await db.cases.update(row.id, { sealed: { iv: row.sealed.iv, data: data.buffer }, updatedAt: row.updatedAt + 1 });
    },
    { modules: ['/store/session.ts'], number: numbers[1] },
  );
  const listbox = list(page);
  await expect(listbox.getByRole('option', { name: new RegExp(numbers[1]) })).toContainText('Dati della pratica danneggiati: non mostrati');
  await expect.poll(() => shownNames(listbox)).toEqual(['Bianchi Laura', 'Dati della pratica danneggiati: non mostrati', 'Rossi Mario']);
  await expect(total(page)).toHaveText('3 pratiche');
});

test('a long list mounts only the rows in view and still reaches every case', async ({ page }) => {
  const COUNT = 2000;
  await enterApp(page);
  await seedManyCases(page, COUNT);
  const listbox = list(page);
  await expect(total(page)).toHaveText(`${COUNT} pratiche`);
  const options = listbox.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-setsize', String(COUNT));
  // Newest urgent case first (i = 1975 is the last multiple of MANY.urgentEvery).
  await expect(listbox.locator('[aria-posinset="1"]')).toContainText(manyCaseNumber(1975));
  expect(await options.count()).toBeLessThan(40);

  // End: the oldest non-urgent case (i = 1), at the last position, read from the last store page.
  await listbox.focus();
  await page.keyboard.press('End');
  const selected = listbox.getByRole('option', { selected: true });
  await expect(selected).toHaveAttribute('aria-posinset', String(COUNT));
  await expect(selected).toContainText(manyCaseNumber(1));
  expect(await options.count()).toBeLessThan(40);

  // Scrolling by wheel into the middle: the rows there are read and shown, none stays "loading".
  await page.keyboard.press('Home');
  await expect(listbox.locator('[aria-posinset="1"]')).toBeInViewport();
  await listbox.hover();
  await page.mouse.wheel(0, 20_000);
  await expect.poll(async () => Math.max(...(await options.evaluateAll((o) => o.map((el) => Number(el.getAttribute('aria-posinset'))))))).toBeGreaterThan(200);
  await expect(listbox.locator('.case-row-loading')).toHaveCount(0);
  expect(await options.count()).toBeLessThan(40);
});

test('the case list has no serious accessibility violation and keeps all its text at 200 %', async ({ page }) => {
  await enterApp(page);
  await seedCases(page, [
    ...CASES,
    { surname: 'Dell’Acqua Bonaventura De Santis', name: 'Maria Giovanna Francesca Immacolata', day: '2026-11-23', state: 'needs-attention', urgent: true },
  ]);
  const listbox = list(page);
  await expect(total(page)).toHaveText('13 pratiche');
  await expect(listbox.locator('.case-row-loading')).toHaveCount(0);
  await listbox.focus();
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: 'test-results/screens/10-elenco-pratiche.png', fullPage: true });

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await expect(page.getByRole('heading', { name: 'Pratiche allo sportello' })).toBeVisible();
  await expect(page.locator('.send-queue')).toContainText('7 in attesa di invio');
  await expect(page.getByRole('main').getByRole('button', { name: 'Nuova pratica' })).toBeInViewport();
  // Every mounted row's text fits inside its row box: the shared row height grew with the text.
  await expect
    .poll(() =>
      listbox.locator('.case-row').evaluateAll((rows) => rows.filter((row) => (row.firstElementChild as HTMLElement).offsetHeight > (row as HTMLElement).offsetHeight).length),
    )
    .toBe(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(listbox.getByRole('option', { name: /Maria Giovanna Francesca Immacolata/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/11-elenco-pratiche-testo-200.png', fullPage: true });
  const scaled = await new AxeBuilder({ page }).analyze();
  expect(scaled.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
