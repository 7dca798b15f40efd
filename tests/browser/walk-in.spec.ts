import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, enterApp } from './fixtures';
import { configureHotFolder, newCase } from './support/intake';
import { caseNumber, DANGELO, fillForm, printPrefilledForm, scanSignaturePage } from './support/walk-in';

// Walk-in without a form (issue 5, item 7): the clerk fills the form on screen, prints it with its
// code, the applicant signs, the signed page comes back through the scanner folder. Real OCR of the
// ID in Chromium for the signed case, so a generous timeout.
test.setTimeout(240_000);

const corpus = (name: string) => path.resolve('tests/corpus', name);

/** A scanner folder, and next to it a folder for what the test prints. */
function folders(): { scanner: string; printed: string } {
  const scanner = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-walk-in-'));
  fs.mkdirSync(`${scanner}-stampe`);
  return { scanner, printed: `${scanner}-stampe` };
}

test('walk-in: the form filled on screen is printed, signed, scanned back through the scanner folder into its case, and only the signature is checked', async ({ page }) => {
  const { scanner: folder, printed } = folders();
  await enterApp(page);
  await configureHotFolder(page, folder);
  await newCase(page, 'Medico esterno', false);
  const number = await caseNumber(page);

  await page.keyboard.press('Alt+3');
  const print = page.getByRole('button', { name: 'Stampa modulo precompilato' });
  await expect(print).toBeDisabled();
  await fillForm(page, DANGELO);
  await expect(print).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/40-modulo-precompilato.png', fullPage: true });
  const pdf = await printPrefilledForm(page, printed);

  const scan = await scanSignaturePage(page, pdf, true);
  await page.keyboard.press('Alt+2');
  await page.locator('[data-role="documento-fronte"]').getByLabel('Scegli file: Documento di identità – fronte').setInputFiles(corpus('images/cie-02-front.jpg'));
  await page.locator('[data-role="documento-retro"]').getByLabel('Scegli file: Documento di identità – retro').setInputFiles(corpus('images/cie-02-back.jpg'));
  fs.writeFileSync(path.join(folder, 'modulo-firmato.jpg'), scan);

  const tray = page.getByRole('region', { name: 'Arrivati dallo scanner' });
  await expect(tray.getByRole('status')).toHaveText(`Riconosciuto il modulo precompilato della pratica ${number}: «modulo-firmato.jpg» è allegato come modulo firmato.`, { timeout: 20_000 });
  await expect(page.locator('[data-role="modulo"] .thumbnails li')).toHaveCount(1);
  await expect.poll(() => fs.existsSync(path.join(folder, 'modulo-firmato.jpg'))).toBe(false);
  await page.screenshot({ path: 'test-results/screens/41-modulo-firmato-riconosciuto.png', fullPage: true });

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('signed-form-note')).toContainText('si verifica solo la firma');
  for (const item of ['signed', 'sides', 'valid', 'identity', 'required']) {
    await expect(page.locator(`[data-item="${item}"]`), item).toHaveAttribute('data-status', 'ok');
  }
  // No form-versus-ID difference row at all.
  await expect(page.locator('tr[data-code]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/42-verifica-solo-firma.png', fullPage: true });

  // The form's fields were never OCR'd: every value is still the clerk's.
  await page.keyboard.press('Alt+3');
  await expect(page.locator('#form-cognome')).toHaveValue("D'ANGELO");
  await expect(page.locator('.field-source')).toHaveCount(0);
});

test('walk-in: an unsigned form scanned while another case is open goes to its own case, which then shows the signature missing', async ({ page }) => {
  const { scanner: folder, printed } = folders();
  await enterApp(page);
  await configureHotFolder(page, folder);
  await newCase(page, 'Medico esterno', false);
  const first = await caseNumber(page);
  await fillForm(page, DANGELO);
  const pdf = await printPrefilledForm(page, printed);
  const unsigned = await scanSignaturePage(page, pdf, false);

  await page.getByRole('button', { name: 'Torna all’elenco' }).click();
  await newCase(page, 'Medico ospedaliero', false);
  const second = await caseNumber(page);
  expect(second).not.toBe(first);
  fs.writeFileSync(path.join(folder, 'scansione-007.jpg'), unsigned);
  const tray = page.getByRole('region', { name: 'Arrivati dallo scanner' });
  await expect(tray.getByRole('status')).toHaveText(`«scansione-007.jpg» è il modulo firmato della pratica ${first}, non di quella aperta: è stato allegato alla pratica ${first}.`, { timeout: 20_000 });
  await expect(page.locator('[data-role="modulo"] .thumbnails li')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/43-modulo-di-altra-pratica.png', fullPage: true });

  await page.getByRole('button', { name: 'Torna all’elenco' }).click();
  await page.getByRole('listbox').getByRole('option').filter({ hasText: first }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Pratica ${first}`) })).toBeVisible();
  await expect(page.locator('[data-role="modulo"] .thumbnails li')).toHaveCount(1);
  await page.keyboard.press('Alt+4');
  await expect(page.locator('[data-item="signed"]')).toHaveAttribute('data-status', 'problem');
  await expect(page.locator('[data-item="required"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('signed-form-note')).toContainText('si verifica solo la firma');
});

test('walk-in: data changed after printing, a stale scan, a corrupt file and the same scan twice each get their message and leave the case as it was', async ({ page }) => {
  const { printed } = folders();
  await newCase(page, 'Medico esterno');
  const number = await caseNumber(page);
  await fillForm(page, DANGELO);
  const pdf = await printPrefilledForm(page, printed);
  const signed = path.join(printed, 'modulo-firmato.jpg');
  fs.writeFileSync(signed, await scanSignaturePage(page, pdf, true));

  // Edited after printing: the printed form no longer matches, and a scan of it is refused.
  await page.locator('#form-ordine_numero').fill('45124');
  await page.locator('#form-cognome').focus();
  await expect(page.getByRole('alert').filter({ hasText: 'I dati sono cambiati dopo la stampa' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ristampa modulo precompilato' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/44-dati-cambiati-dopo-stampa.png', fullPage: true });
  await page.keyboard.press('Alt+2');
  const modulo = page.locator('[data-role="modulo"]');
  const choose = modulo.getByLabel('Scegli file: Modulo di richiesta firmato');
  await choose.setInputFiles(signed);
  await expect(modulo.getByRole('alert')).toHaveText(
    `Il modulo firmato «modulo-firmato.jpg» non riporta i dati ora presenti nella pratica ${number}: non è stato allegato. Ristampare il modulo precompilato e farlo firmare.`,
  );
  await expect(modulo.locator('.thumbnails li')).toHaveCount(0);

  // Back to the printed data: the same scan is attached once, a second drop changes nothing.
  await fillForm(page, { ordine_numero: DANGELO.ordine_numero });
  await expect(page.getByText('Il modulo precompilato stampato riporta i dati a schermo.')).toBeVisible();
  await page.keyboard.press('Alt+2');
  await choose.setInputFiles(signed);
  await expect(modulo.getByRole('status')).toContainText('è allegato come modulo firmato');
  await choose.setInputFiles(signed);
  await expect(modulo.getByRole('alert')).toHaveText(`Il modulo firmato «modulo-firmato.jpg» è già allegato alla pratica ${number}: non è stato aggiunto di nuovo.`);
  await choose.setInputFiles(corpus('bad/not-an-image.jpg'));
  await expect(modulo.getByRole('alert')).toContainText('«not-an-image.jpg» non è un’immagine');
  await choose.setInputFiles(corpus('bad/huge-400mp.png'));
  await expect(modulo.getByRole('alert')).toContainText('«huge-400mp.png» ha troppi pixel');
  await expect(modulo.locator('.thumbnails li')).toHaveCount(1);
  await page.keyboard.press('Alt+4');
  await expect(page.locator('[data-item="signed"]')).toHaveAttribute('data-status', 'ok');

  // Each print is in the audit trail with the digest of the data printed (no personal values).
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Diagnostica' }).click();
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Esporta per l’ispettore (JSON)' }).click();
  const log = JSON.parse(fs.readFileSync(await (await exported).path(), 'utf8')) as { entries: { action: string; detail?: string }[] };
  const prints = log.entries.filter((e) => e.action === 'print-form');
  expect(prints).toHaveLength(1);
  expect(prints[0].detail).toMatch(/^prefilled-form:[0-9a-f]{64}$/);
  expect(JSON.stringify(log.entries)).not.toContain('ANGELO');
});
