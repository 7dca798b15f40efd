import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Helpers of the walk-in browser tests: the clerk fills the form on screen, prints it, the applicant signs. */

const SCAN_DPI = 150;
const template = JSON.parse(fs.readFileSync('resources/forms/modulo-abilitazione-facsimile.template.json', 'utf8')) as { signature: { x: number; y: number; width: number; height: number } };

/** The applicant of the corpus ID cie-02, as the clerk types it from the person in front of them. */
export const DANGELO: Record<string, string> = {
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

export async function fillForm(page: Page, values: Record<string, string>) {
  await page.keyboard.press('Alt+3');
  for (const [field, value] of Object.entries(values)) await page.locator(`#form-${field}`).fill(value);
  // Leaving the last field saves it at once.
  await page.locator('#form-cognome').focus();
}

export async function caseNumber(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { name: /^Pratica / }).innerText()).match(/[A-Z0-9]+-\d{8}-\d{4,}/) ?? [''])[0];
}

/** Prints the prefilled form and returns the PDF the app produced (downloaded in dev web mode). */
export async function printPrefilledForm(page: Page, dir: string): Promise<string> {
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
export async function scanSignaturePage(page: Page, pdf: string, signed: boolean): Promise<Buffer> {
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
