import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { test, expect, enterApp } from './fixtures';
import { expectNoSeriousViolations } from './support/axe';
import { intakeState, newCase, transformAudit } from './support/intake';

// TIFF scans (utif2 in the document-reading worker), editable pages of a scanned PDF, and
// small-angle straightening; real OCR, real pdf.js and the real encrypted store in Chromium.
test.setTimeout(300_000);

const corpus = (name: string) => path.resolve('tests/corpus', name);
const FRONT = 'Scegli file: Documento di identità – fronte';
const BACK = 'Scegli file: Documento di identità – retro';
const FORM = 'Scegli file: Modulo di richiesta firmato';

/** Captures the two ID sides and reads them; the reading's fields. */
async function readId(page: Page, front: Parameters<Page['setInputFiles']>[1], back: Parameters<Page['setInputFiles']>[1]) {
  // From the case list: a case left open would stay on screen.
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Pratiche' }).click();
  await newCase(page, 'Medico ospedaliero', false);
  await page.locator('[data-role="documento-fronte"]').getByLabel(FRONT).setInputFiles(front);
  await page.locator('[data-role="documento-retro"]').getByLabel(BACK).setInputFiles(back);
  await expect(page.locator('[data-role^="documento"] .thumbnails li')).toHaveCount(2, { timeout: 60_000 });
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 240_000 });
  return (await intakeState(page)).fields;
}

test('an ID captured as TIFF (LZW): thumbnail, viewer and reading, which gives what the same pixels give as PNG', async ({ page }) => {
  await enterApp(page);
  const tiffFields = await readId(page, corpus('tiff/cie-01-front.tif'), corpus('tiff/cie-01-back.tif'));
  expect((await intakeState(page)).attachments.map((a) => a.mimeType)).toEqual(['image/tiff', 'image/tiff']);
  await page.keyboard.press('Alt+2');
  const back = page.locator('[data-role="documento-retro"]');
  await expect(back.locator('.thumbnail canvas')).toBeVisible();
  await back.getByRole('button', { name: /^Ingrandisci: / }).click();
  const viewer = page.getByRole('dialog');
  const picture = viewer.getByRole('img', { name: 'Documento di identità – retro 1' });
  await expect(picture).toBeVisible();
  await expect(picture).toHaveAttribute('height', String(Math.round((800 * 648) / 1027)));
  await viewer.getByRole('button', { name: 'Ingrandisci' }).click();
  await expect(picture).toHaveAttribute('width', '1000');
  await page.screenshot({ path: 'test-results/screens/45-tiff-visualizzatore.png' });
  await expectNoSeriousViolations(page, 'visualizzatore TIFF');
  await viewer.getByRole('button', { name: 'Chiudi' }).click();

  // The same pixels as PNG, in a second case: the reading must not depend on the container.
  const png = async (file: string) => ({ name: file.replace('.tif', '.png'), mimeType: 'image/png', buffer: await sharp(readFileSync(corpus(`tiff/${file}`))).png().toBuffer() });
  const pngFields = await readId(page, await png('cie-01-front.tif'), await png('cie-01-back.tif'));
  expect(tiffFields).not.toBeNull();
  expect(tiffFields).toEqual(pngFields);
  expect(tiffFields?.fiscalCode).toBeTruthy();
});

test('a two-page CCITT G4 TIFF form: pages in the viewer, read like a PDF; a page turned in the editor keeps the file a two-page TIFF (audited)', async ({ page }) => {
  await newCase(page, 'Medico esterno');
  const form = page.locator('[data-role="modulo"]');
  await form.getByLabel(FORM).setInputFiles(corpus('tiff/printed-dangelo-signed.tif'));
  await expect(form.locator('.thumbnail canvas')).toBeVisible({ timeout: 60_000 });
  await form.getByRole('button', { name: /^Ingrandisci: / }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer.getByText('Pagina 1 di 2')).toBeVisible();
  await viewer.getByRole('button', { name: 'Pagina successiva' }).click();
  await expect(viewer.getByRole('img', { name: 'Modulo di richiesta firmato 1, Pagina 2 di 2' })).toBeVisible();
  await viewer.getByRole('button', { name: 'Chiudi' }).click();

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 240_000 });
  await expect(page.getByLabel(/^Codice fiscale/)).toHaveValue('DNGNCL90S01F839P');

  // The second page turned upside down and back the right way: the TIFF is written anew, both pages in it.
  await page.keyboard.press('Alt+2');
  const originalSha = (await intakeState(page)).attachments[0].sha256;
  await form.getByRole('button', { name: /^Ingrandisci: / }).click();
  await viewer.getByRole('button', { name: 'Pagina successiva' }).click();
  await viewer.getByRole('button', { name: 'Raddrizza e ritaglia' }).click();
  await viewer.getByRole('button', { name: 'Ruota a destra' }).click();
  await viewer.getByRole('button', { name: 'Ruota a destra' }).click();
  await viewer.getByRole('button', { name: 'Salva l’immagine modificata' }).click();
  await expect(viewer).toBeHidden();
  const [edited] = (await intakeState(page)).attachments;
  expect(edited.mimeType).toBe('image/tiff');
  expect(edited.sha256).not.toBe(originalSha);
  expect(await transformAudit(page)).toEqual([`page=2;rotate=180;crop=none;from=${originalSha};to=${edited.sha256}`]);
  await form.getByRole('button', { name: /^Ingrandisci: / }).click();
  await expect(viewer.getByText('Pagina 1 di 2')).toBeVisible();
  await viewer.getByRole('button', { name: 'Chiudi' }).click();
});

test('a TIFF that is cut short or uses a codec nobody here reads is refused in place; the case keeps its other scans', async ({ page }) => {
  await newCase(page);
  const front = page.locator('[data-role="documento-fronte"]');
  await front.getByLabel(FRONT).setInputFiles(corpus('tiff/cie-01-front.tif'));
  await expect(front.locator('.thumbnails li')).toHaveCount(1, { timeout: 60_000 });
  const back = page.locator('[data-role="documento-retro"]');
  const whole = readFileSync(corpus('tiff/cie-01-back.tif'));
  await back.getByLabel(BACK).setInputFiles({ name: 'retro-interrotto.tif', mimeType: 'image/tiff', buffer: whole.subarray(0, Math.floor(whole.length * 0.6)) });
  await expect(back.getByRole('alert')).toContainText('«retro-interrotto.tif» è danneggiato o incompleto');
  // Compression 34712 (JPEG 2000 in TIFF): a decoder would give a blank page, so it is refused.
  const jpeg2000 = Buffer.from(await sharp(whole).tiff({ compression: 'none' }).toBuffer());
  const ifd = jpeg2000.readUInt32LE(4);
  for (let k = 0; k < jpeg2000.readUInt16LE(ifd); k += 1) if (jpeg2000.readUInt16LE(ifd + 2 + k * 12) === 259) jpeg2000.writeUInt16LE(34712, ifd + 2 + k * 12 + 8);
  await back.getByLabel(BACK).setInputFiles({ name: 'retro-jp2.tif', mimeType: 'image/tiff', buffer: jpeg2000 });
  await expect(back.getByRole('alert')).toContainText('«retro-jp2.tif» usa una compressione che il programma non legge');
  await expect(back.locator('.thumbnails li')).toHaveCount(0);
  await expect(front.locator('.thumbnails li')).toHaveCount(1);
  expect((await intakeState(page)).attachments).toHaveLength(1);
});

test('a page of a scanned PDF is turned and cropped: the PDF keeps its pages, the edited one replaced (new hash, audited)', async ({ page }) => {
  const scanned = await PDFDocument.create();
  for (const file of ['printed-dangelo-signed-p1.jpg', 'printed-dangelo-signed-p2.jpg']) {
    const image = await scanned.embedJpg(readFileSync(corpus(`forms/${file}`)));
    // 200 dpi scans on A4.
    scanned.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  await newCase(page, 'Medico esterno');
  const form = page.locator('[data-role="modulo"]');
  await form.getByLabel(FORM).setInputFiles({ name: 'modulo-scansionato.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await scanned.save()) });
  await expect(form.locator('.thumbnail canvas')).toBeVisible({ timeout: 60_000 });
  const originalSha = (await intakeState(page)).attachments[0].sha256;

  await form.getByRole('button', { name: /^Ingrandisci: / }).click();
  const viewer = page.getByRole('dialog');
  await viewer.getByRole('button', { name: 'Pagina successiva' }).click();
  await viewer.getByRole('button', { name: 'Raddrizza e ritaglia' }).click();
  const selection = viewer.getByRole('group', { name: /^Riquadro di ritaglio/ });
  // The page is rendered at 288 dpi for editing, and the PDF checked for form fields.
  await expect(selection).toBeVisible({ timeout: 30_000 });
  await viewer.getByRole('button', { name: 'Ruota a destra' }).click();
  await selection.focus();
  for (const key of [...Array(10).fill('Shift+ArrowLeft'), ...Array(5).fill('Shift+ArrowUp'), ...Array(3).fill('ArrowRight')] as string[]) await page.keyboard.press(key);
  const cropped = (await selection.getAttribute('data-crop'))!;
  await viewer.getByRole('button', { name: 'Salva l’immagine modificata' }).click();
  await expect(viewer).toBeHidden();
  await expect(form.getByRole('status')).toContainText('salvata al posto dell’originale');

  const edited = (await intakeState(page)).attachments;
  expect(edited).toHaveLength(1);
  expect(edited[0].mimeType).toBe('application/pdf');
  expect(edited[0].sha256).not.toBe(originalSha);
  expect(await transformAudit(page)).toEqual([`page=2;rotate=90;crop=${cropped};from=${originalSha};to=${edited[0].sha256}`]);
  // Still two pages; the second is now the landscape crop (edited at 4 px a point, shown at 2), the
  // first untouched (A4 portrait).
  const [, , width, height] = cropped.split(',').map(Number);
  const shownHeight = (points: { width: number; height: number }) => String(Math.round((800 * Math.ceil(points.height * 2)) / Math.ceil(points.width * 2)));
  await form.getByRole('button', { name: /^Ingrandisci: / }).click();
  await expect(viewer.getByText('Pagina 1 di 2')).toBeVisible();
  await expect(viewer.getByRole('img', { name: 'Modulo di richiesta firmato 1, Pagina 1 di 2' })).toHaveAttribute('height', shownHeight({ width: 595.28, height: 841.89 }));
  await viewer.getByRole('button', { name: 'Pagina successiva' }).click();
  await expect(viewer.getByRole('img', { name: 'Modulo di richiesta firmato 1, Pagina 2 di 2' })).toHaveAttribute('height', shownHeight({ width: width / 4, height: height / 4 }));
  expect(width).toBeGreaterThan(height);
  await page.screenshot({ path: 'test-results/screens/46-pdf-pagina-modificata.png' });
  await viewer.getByRole('button', { name: 'Chiudi' }).click();
});

test('a crooked photo of an ID is straightened (automatically, then half a degree by keyboard): new hash, audited, read again', async ({ page }) => {
  await newCase(page);
  // The card turned 5° clockwise on a white sheet, as a phone photo of a card on paper.
  const photo = await sharp({ create: { width: 1500, height: 1100, channels: 3, background: '#ffffff' } })
    .composite([{ input: await sharp(corpus('images/cie-01-front.jpg')).rotate(5, { background: '#ffffff' }).toBuffer(), gravity: 'center' }])
    .jpeg({ quality: 92 })
    .toBuffer();
  const front = page.locator('[data-role="documento-fronte"]');
  await front.getByLabel(FRONT).setInputFiles({ name: 'foto-storta.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('[data-role="documento-retro"]').getByLabel(BACK).setInputFiles(corpus('images/cie-01-back.jpg'));
  await expect(page.locator('[data-role^="documento"] .thumbnails li')).toHaveCount(2, { timeout: 60_000 });
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 240_000 });
  const originalSha = (await intakeState(page)).attachments.find((a) => a.role === 'documento-fronte')!.sha256;

  await page.keyboard.press('Alt+2');
  await front.getByRole('button', { name: /^Ingrandisci: / }).click();
  const viewer = page.getByRole('dialog');
  await viewer.getByRole('button', { name: 'Raddrizza e ritaglia' }).click();
  const angle = viewer.locator('output[data-angle]');
  await expect(angle).toHaveAttribute('data-angle', '0');
  await viewer.getByRole('button', { name: 'Raddrizza automaticamente' }).click();
  await expect(viewer.getByText(/secondo i bordi del documento/)).toBeVisible();
  const measured = Number(await angle.getAttribute('data-angle'));
  expect(measured).toBeGreaterThanOrEqual(-5.5);
  expect(measured).toBeLessThanOrEqual(-4.5);
  // The slider is keyboard-operable: half a degree a press.
  const slider = viewer.getByRole('slider', { name: 'Raddrizza (gradi)' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(angle).toHaveAttribute('data-angle', String(measured + 0.5));
  await page.keyboard.press('ArrowLeft');
  await expect(angle).toHaveAttribute('data-angle', String(measured));
  const crop = await viewer.getByRole('group', { name: /^Riquadro di ritaglio/ }).getAttribute('data-crop');
  await page.screenshot({ path: 'test-results/screens/47-raddrizza-di-pochi-gradi.png' });
  await expectNoSeriousViolations(page, 'raddrizza di pochi gradi');
  await viewer.getByRole('button', { name: 'Salva l’immagine modificata' }).click();
  await expect(viewer).toBeHidden();

  const newSha = (await intakeState(page)).attachments.find((a) => a.role === 'documento-fronte')!.sha256;
  expect(newSha).not.toBe(originalSha);
  expect(await transformAudit(page)).toEqual([`rotate=0;straighten=${measured};crop=${crop};from=${originalSha};to=${newSha}`]);
  await expect.poll(async () => (await intakeState(page)).reading, { timeout: 240_000 }).toMatchObject({ state: 'done', key: expect.stringContaining(`documento-fronte:${newSha}`) });
  expect((await intakeState(page)).fields?.documentNumber).toBeTruthy();
});
