import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, enterApp } from './fixtures';
import { answerFolderDialog, DEV_USER_DATA } from './support/folder-dialog';
import { newCase } from './support/intake';

test('invalid settings are refused in Italian naming the field, and the previous ones stay', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  // Other specs on the same dev profile may have set a hot folder: it is what must survive.
  const previousHotFolder = await page.getByTestId('settings-hot-folder').textContent();
  const url = page.getByLabel('Indirizzo del servizio centrale');
  const retention = page.getByLabel('Giorni di conservazione delle immagini dopo la conferma');
  const status = page.getByRole('status');

  await url.fill('https://central.inail.local');
  await page.getByLabel('Codice sede').fill('RM01');
  await page.getByRole('button', { name: 'Salva impostazioni' }).click();
  await expect(status).toHaveText('Impostazioni salvate.');

  await url.fill('http://central.inail.local');
  await page.getByRole('button', { name: 'Salva impostazioni' }).click();
  await expect(status).toContainText('Campo «Indirizzo del servizio centrale»');
  await expect(status).toContainText('fuori da questo computer è ammesso solo https');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/screens/03-impostazioni-errore.png', fullPage: true });

  await url.fill('https://central.inail.local');
  await retention.fill('-3');
  await page.getByRole('button', { name: 'Salva impostazioni' }).click();
  await expect(status).toContainText('Campo «Giorni di conservazione delle immagini dopo la conferma»');

  await retention.fill('30');
  answerFolderDialog('/percorso/inesistente');
  await page.getByRole('button', { name: 'Scegli la cartella…' }).click();
  await expect(status).toContainText('Cartella dello scanner inesistente');

  // A reload ends the session: signing in again must show the same saved settings.
  await enterApp(page);
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  await expect(page.getByLabel('Indirizzo del servizio centrale')).toHaveValue('https://central.inail.local');
  await expect(page.getByLabel('Codice sede')).toHaveValue('RM01');
  await expect(page.getByTestId('settings-hot-folder')).toHaveText(previousHotFolder ?? '');
});

test('the scanner folder is refused when it is the app’s data folder, the profile or a system folder, and the renderer cannot name one', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  const shown = page.getByTestId('settings-hot-folder');
  const previous = await shown.textContent();
  const status = page.getByRole('status');
  for (const folder of [DEV_USER_DATA, path.join(DEV_USER_DATA, 'logs'), os.homedir(), '/etc', '/']) {
    fs.mkdirSync(folder === DEV_USER_DATA ? folder : path.join(DEV_USER_DATA, 'logs'), { recursive: true });
    answerFolderDialog(folder);
    await page.getByRole('button', { name: 'Scegli la cartella…' }).click();
    await expect(status).toContainText('Campo «Cartella dello scanner»: Cartella dello scanner non ammessa');
    await expect(shown).toHaveText(previous ?? '');
  }
  // The page asking main directly with a path: refused by the contract before any handler runs.
  const direct = await page.evaluate(async (folder) => {
    const response = await fetch('/__main/settings%3Aupdate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ payload: { scannerHotFolder: folder } }) });
    return response.json();
  }, DEV_USER_DATA);
  expect(direct).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
});

test('a clerk who is not an administrator sees only the own language, and main refuses workstation settings to that clerk', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Operatori' }).click();
  const created = page.getByRole('form', { name: 'Crea account' });
  await created.getByLabel('Nome utente').fill('anna.sportello');
  await created.getByLabel('Nome e cognome dell’operatore').fill('Anna Sportello');
  await created.getByLabel('Password').fill('password-di-anna-2026');
  await created.getByRole('button', { name: 'Crea account' }).click();
  await expect(page.getByRole('status')).toHaveText('Account «anna.sportello» creato.');
  await page.getByRole('button', { name: 'Esci' }).click();
  await page.getByLabel('Nome utente').fill('anna.sportello');
  await page.getByLabel('Password', { exact: true }).fill('password-di-anna-2026');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Impostazioni' }).click();
  await expect(page.getByText('Le impostazioni della postazione possono essere modificate solo da un amministratore.')).toBeVisible();
  await expect(page.getByLabel('Indirizzo del servizio centrale')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Scegli la cartella…' })).toHaveCount(0);
  const direct = await page.evaluate(async () => {
    const call = (channel: string, payload: unknown) =>
      fetch(`/__main/${encodeURIComponent(channel)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ payload }) }).then((r) => r.json());
    return { url: await call('settings:update', { centralServiceUrl: 'https://exfiltrate.example' }), folder: await call('hotFolder:choose', undefined) };
  });
  expect(direct.url).toMatchObject({ ok: false, error: { code: 'not-admin' } });
  expect(direct.folder).toMatchObject({ ok: false, error: { code: 'not-admin' } });
  await page.getByLabel('Lingua').selectOption('it');
  await page.getByRole('button', { name: 'Salva impostazioni' }).click();
  await expect(page.getByRole('status')).toHaveText('Impostazioni salvate.');
});

test('English is available from settings', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  await page.getByLabel('Lingua').selectOption('en');
  await page.getByRole('button', { name: 'Salva impostazioni' }).click();
  await expect(page.getByRole('heading', { name: 'Workstation settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('it');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('heading', { name: 'Impostazioni della postazione' })).toBeVisible();
});

test('the workstation code keeps two counters of one office from printing the same case number', async ({ page }) => {
  await enterApp(page);
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  const code = page.getByLabel(/^Codice della postazione/);
  const save = page.getByRole('button', { name: 'Salva impostazioni' });
  await nav.getByRole('button', { name: 'Impostazioni' }).click();
  await page.getByLabel('Codice sede').fill('RM01');
  await code.fill('p2');
  await save.click();
  await expect(page.getByRole('status')).toContainText('Campo «Codice della postazione');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await code.fill('P2');
  await save.click();
  await expect(page.getByRole('status')).toHaveText('Impostazioni salvate.');
  try {
    await newCase(page, 'Medico esterno', false);
    await expect(page.getByRole('heading', { name: /^Pratica RM01-P2-\d{8}-\d{4}/ })).toBeVisible();
  } finally {
    // The dev profile is shared by every spec: the other specs expect numbers without a workstation code.
    await nav.getByRole('button', { name: 'Impostazioni' }).click();
    await code.fill('');
    await save.click();
    await expect(page.getByRole('status')).toHaveText('Impostazioni salvate.');
  }
});
