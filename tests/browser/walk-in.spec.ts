import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, enterApp } from './fixtures';
import { configureHotFolder, newCase } from './support/intake';

// Walk-in without a form (issue 5, item 7): the clerk fills the form on screen, prints it with its
// code, the applicant signs, the signed page comes back through the scanner folder. Real OCR of the
// ID in Chromium for the signed case, so a generous timeout.
test.setTimeout(240_000);

const corpus = (name: string) => path.resolve('tests/corpus', name);
const SCAN_DPI = 150;
const template = JSON.parse(fs.readFileSync('resources/forms/modulo-abilitazione-facsimile.template.json', 'utf8')) as { signature: { x: number; y: number; width: number; height: number } };

/** The applicant of the corpus ID cie-02, as the clerk types it from the person in front of them. */
const DANGELO: Record<string, string> = {
  cognome: "D'ANGELO",
  nome: 'NICOLÒ',
  codice_fiscale: 'DNGNCL90S01F839P',
  sesso: 'M',
  data_nascita: '01/11/1990',
  comune_nascita: 'NAPOLI',
  provincia_nascita: 'NA',
  cittadinanza: 'ITALIANA',
  indirizzo_residenza: 'VIA TOLEDO 256',
  cap_residenza: '80134',
  comune_residenza: 'NAPOLI',
  provincia_residenza: 'NA',
  pec: 'nicolo.dangelo@pec.example.org',
  ordine_provincia: 'NAPOLI',
  ordine_numero: '45123',
  documento_tipo: "CARTA D'IDENTITA ELETTRONICA",
  documento_numero: 'CA45434NG',
  documento_rilasciato_da: 'COMUNE DI NAPOLI',
  documento_data_rilascio: '02/06/2021',
  documento_data_scadenza: '01/11/2032',
  luogo_data: 'NAPOLI, 27/11/2026',
};

async function fillForm(page: Page, values: Record<string, string>) {
  await page.keyboard.press('Alt+3');
  for (const [field, value] of Object.entries(values)) await page.locator(`#form-${field}`).fill(value);
  // Leaving the last field saves it at once.
  await page.locator('#form-cognome').focus();
}

async function caseNumber(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { name: /^Pratica / }).innerText()).match(/[A-Z0-9]+-\d{8}-\d{4,}/) ?? [''])[0];
}

/** Prints the prefilled form and returns the PDF the app produced (downloaded in dev web mode). */
async function printPrefilledForm(page: Page, dir: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^(Stampa|Ristampa) modulo precompilato$/ }).click();
  const file = path.join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  await expect(page.getByTestId('prefilled-form-status')).toContainText('Modulo precompilato scaricato');
  return file;
}

/**
 * The printed signature page as the scanner gives it back: page 2 rendered to an image, with a
 * handwritten-like signature drawn into the signature box in Chromium when `signed`.
 */
async function scanSignaturePage(page: Page, pdf: string, signed: boolean): Promise<Buffer> {
  const prefix = path.join(path.dirname(pdf), `scan-${signed ? 'signed' : 'unsigned'}`);
  execFileSync('pdftoppm', ['-png', '-r', String(SCAN_DPI), '-f', '2', '-l', '2', '-singlefile', pdf, prefix]);
  const png = fs.readFileSync(`${prefix}.png`).toString('base64');
  const scale = SCAN_DPI / 72;
  const box = { x: template.signature.x * scale, y: template.signature.y * scale, width: template.signature.width * scale, height: template.signature.height * scale };
  const jpeg = await page.evaluate(
    async ({ png, box, signed }) => {
      // Decoded here, not fetched: the app's CSP allows no data: URLs.
      const image = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      if (signed) {
        context.strokeStyle = '#1a2a6c';
        context.lineWidth = 3;
        context.lineCap = 'round';
        context.beginPath();
        const left = box.x + box.width * 0.15;
        const mid = box.y + box.height * 0.55;
        context.moveTo(left, mid);
        for (let i = 1; i <= 40; i += 1) {
          const x = left + (box.width * 0.65 * i) / 40;
          context.lineTo(x, mid + Math.sin(i * 0.9) * box.height * 0.22 - (i % 7 === 0 ? box.height * 0.15 : 0));
        }
        context.stroke();
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    { png, box, signed },
  );
  return Buffer.from(jpeg);
}

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
