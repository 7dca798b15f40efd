import { test, expect, enterApp } from './fixtures';
import { newCase } from './support/intake';

test('invalid settings are refused in Italian naming the field, and the previous ones stay', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  // Other specs on the same dev profile may have set a hot folder: it is what must survive.
  const previousHotFolder = await page.getByLabel('Cartella dello scanner').inputValue();
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

  await page.getByLabel('Cartella dello scanner').fill('/percorso/inesistente');
  await retention.fill('30');
  await page.getByRole('button', { name: 'Salva impostazioni' }).click();
  await expect(status).toContainText('Cartella dello scanner inesistente');

  // A reload ends the session: signing in again must show the same saved settings.
  await enterApp(page);
  await page.getByRole('button', { name: 'Impostazioni' }).click();
  await expect(page.getByLabel('Indirizzo del servizio centrale')).toHaveValue('https://central.inail.local');
  await expect(page.getByLabel('Codice sede')).toHaveValue('RM01');
  await expect(page.getByLabel('Cartella dello scanner')).toHaveValue(previousHotFolder);
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
