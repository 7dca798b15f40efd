import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, enterApp } from './fixtures';

// Real OCR in Chromium (tesseract.js workers, zxing-wasm, pdf.js) on images of the synthetic corpus.
test.setTimeout(240_000);

const corpus = (name: string) => path.resolve('tests/corpus', name);

async function newCaseWith(page: Page, profile: string, files: { role: string; label: string; paths: string[] }[]) {
  await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: profile }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica / })).toBeVisible();
  for (const { role, label, paths } of files) {
    const slot = page.locator(`[data-role="${role}"]`);
    await slot.getByLabel(`Scegli file: ${label}`).setInputFiles(paths);
    // Each file is checked, stored encrypted and previewed: allow for a loaded machine.
    await expect(slot.locator('.thumbnails li')).toHaveCount(paths.length, { timeout: 30_000 });
  }
}

test('a matching case: the scans are read, the form is prefilled, every check passes and the case is accepted into the queue', async ({ page }) => {
  await newCaseWith(page, 'Medico esterno', [
    { role: 'modulo', label: 'Modulo di richiesta firmato', paths: [corpus('forms/printed-dangelo-signed-p1.jpg'), corpus('forms/printed-dangelo-signed-p2.jpg')] },
    { role: 'documento-fronte', label: 'Documento di identità – fronte', paths: [corpus('images/cie-02-front.jpg')] },
    { role: 'documento-retro', label: 'Documento di identità – retro', paths: [corpus('images/cie-02-back.jpg')] },
  ]);
  const started = Date.now();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 180_000 });
  test.info().annotations.push({ type: 'reading-ms', description: String(Date.now() - started) });
  await expect(page.getByLabel(/^Codice fiscale/)).toHaveValue('DNGNCL90S01F839P');
  await expect(page.locator('#form-codice_fiscale-source')).toContainText('lettura automatica del modulo');
  await page.screenshot({ path: 'test-results/screens/28-dati-letti.png', fullPage: true });

  await page.keyboard.press('Alt+4');
  for (const item of ['signed', 'sides', 'valid', 'identity']) {
    await expect(page.locator(`[data-item="${item}"]`), item).toHaveAttribute('data-status', 'ok');
  }
  await page.screenshot({ path: 'test-results/screens/29-verifica-superata.png', fullPage: true });
  // Fields the printed form left empty are typed by the clerk until every required one is there.
  const required = page.locator('[data-item="required"]');
  if ((await required.getAttribute('data-status')) !== 'ok') {
    const missing = (await page.locator('.message-error').first().innerText()).replace(/^Campi obbligatori ancora vuoti: /, '').replace(/\.$/, '').split(', ');
    await page.keyboard.press('Alt+3');
    for (const label of missing) await page.getByLabel(new RegExp(`^${label.replace(/[()/]/g, '.')}`)).fill(label === 'PEC' ? 'nicolo.dangelo@pec.example.org' : 'X');
    await page.getByLabel(/^Cognome/).focus();
    await page.keyboard.press('Alt+4');
  }
  await expect(required).toHaveAttribute('data-status', 'ok');
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: 'Accetta la pratica' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pratica accettata' })).toBeVisible();
});

test('a mismatching case: a digitally filled form whose name and birth date differ from the ID is refused with those reasons', async ({ page }) => {
  await newCaseWith(page, 'Medico ospedaliero', [
    { role: 'modulo', label: 'Modulo di richiesta firmato', paths: [corpus('forms/digital-rossi-mismatch.pdf')] },
    { role: 'documento-fronte', label: 'Documento di identità – fronte', paths: [corpus('images/cie-01-front.jpg')] },
    { role: 'documento-retro', label: 'Documento di identità – retro', paths: [corpus('images/cie-01-back.jpg')] },
  ]);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 180_000 });
  await expect(page.locator('tr[data-code="GIVEN_NAMES_MISMATCH"]')).toContainText('MARIA');
  await expect(page.locator('tr[data-code="GIVEN_NAMES_MISMATCH"]')).toContainText('MARIO');
  await expect(page.locator('tr[data-code="BIRTH_DATE_MISMATCH"] td').nth(0)).toHaveText('13/04/1985');
  await expect(page.locator('tr[data-code="BIRTH_DATE_MISMATCH"] td').nth(1)).toHaveText('12/04/1985');
  await expect(page.locator('[data-item="identity"]')).toHaveAttribute('data-status', 'problem');
  await expect(page.locator('[data-item="signed"]')).toHaveAttribute('data-status', 'problem');
  await page.screenshot({ path: 'test-results/screens/30-differenze-lette.png', fullPage: true });

  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('button', { name: 'Accetta la pratica' })).toBeDisabled();
  await page.getByRole('button', { name: 'Respingi la pratica' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pratica respinta' })).toBeVisible();
  for (const code of ['GIVEN_NAMES_MISMATCH', 'BIRTH_DATE_MISMATCH', 'FORM_NOT_SIGNED']) {
    await expect(page.locator(`li[data-code="${code}"]`), code).toBeVisible();
  }
});
