import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, enterApp } from './fixtures';
import { configureHotFolder, newCase } from './support/intake';

const corpus = (name: string) => path.resolve('tests/corpus', name);

test('a scan written into the hot folder is offered once finished, attached to the case, and removed from the folder', async ({ page }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-hot-'));
  await enterApp(page);
  await configureHotFolder(page, folder);
  await newCase(page);

  const scan = path.join(folder, 'scansione-001.jpg');
  const bytes = fs.readFileSync(corpus('images/cie-02-back.jpg'));
  fs.writeFileSync(scan, bytes.subarray(0, 1000));
  await page.waitForTimeout(300);
  fs.appendFileSync(scan, bytes.subarray(1000));
  fs.writeFileSync(path.join(folder, 'appunti.docx'), 'not a scan');

  const tray = page.getByRole('region', { name: 'Arrivati dallo scanner' });
  await expect(tray.getByText('Assegna «scansione-001.jpg» a')).toBeVisible({ timeout: 15_000 });
  await expect(tray.getByRole('alert')).toContainText('Il file «appunti.docx» nella cartella dello scanner non è stato importato');
  await page.screenshot({ path: 'test-results/screens/24-cartella-scanner.png', fullPage: true });
  await tray.getByRole('group', { name: 'Assegna «scansione-001.jpg» a' }).getByRole('button', { name: 'Documento di identità – retro' }).click();
  await expect(page.locator('[data-role="documento-retro"] .thumbnails li')).toHaveCount(1);
  await expect.poll(() => fs.existsSync(scan)).toBe(false);
  await tray.getByRole('button', { name: 'Ho letto' }).click();
  await expect.poll(() => fs.existsSync(path.join(folder, 'non-importati', 'appunti.docx'))).toBe(true);
  await expect(tray.getByText('Nessun file in attesa nella cartella dello scanner.')).toBeVisible();
});

test.describe('no camera', () => {
  test('a missing or denied camera gets an Italian message in place and the case is untouched', async ({ page }) => {
    await newCase(page);
    const back = page.locator('[data-role="documento-retro"]');
    await back.getByLabel('Scegli file: Documento di identità – retro').setInputFiles(corpus('images/cie-01-back.jpg'));
    await back.getByRole('button', { name: 'Fotocamera' }).click();
    await expect(back.getByRole('alert')).toHaveText(/Nessuna fotocamera collegata|L’accesso alla fotocamera è stato negato/);
    await expect(back.locator('.thumbnails li')).toHaveCount(1);
  });
});

test('a page put in the wrong slot is moved where it belongs, and a page captured by mistake is removed after a confirmation', async ({ page }) => {
  await newCase(page);
  const front = page.locator('[data-role="documento-fronte"]');
  const back = page.locator('[data-role="documento-retro"]');
  await back.getByLabel('Scegli file: Documento di identità – retro').setInputFiles([corpus('images/cie-01-front.jpg'), corpus('images/cie-01-back.jpg')]);
  await expect(back.locator('.thumbnails li')).toHaveCount(2);
  await back.getByLabel('Sposta «Documento di identità – retro 1» in').selectOption({ label: 'Documento di identità – fronte' });
  await expect(front.getByRole('status')).toContainText('Pagina spostata');
  await expect(front.locator('.thumbnails li')).toHaveCount(1);
  await expect(back.locator('.thumbnails li')).toHaveCount(1);

  await front.getByRole('button', { name: 'Rimuovi: Documento di identità – fronte 1' }).click();
  await expect(front.getByRole('button', { name: 'Annulla' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/24-sposta-rimuovi.png', fullPage: true });
  await page.keyboard.press('Enter');
  await expect(front.locator('.thumbnails li')).toHaveCount(1);
  await front.getByRole('button', { name: 'Rimuovi: Documento di identità – fronte 1' }).click();
  await front.getByRole('button', { name: 'Sì, rimuovi' }).click();
  await expect(front.getByRole('status')).toContainText('Pagina rimossa dalla pratica');
  await expect(front.locator('.thumbnails li')).toHaveCount(0);
  await expect(back.locator('.thumbnails li')).toHaveCount(1);
});
