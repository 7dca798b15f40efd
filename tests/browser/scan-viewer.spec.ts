import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './support/axe';
import { intakeState, newCase, transformAudit } from './support/intake';

// Real pdf.js, real OCR (tesseract.js, zxing-wasm) and the real encrypted store in Chromium.
test.setTimeout(300_000);

const corpus = (name: string) => path.resolve('tests/corpus', name);

test('a two-page PDF form: first page as thumbnail, viewed page by page; the check shows where both values of a disagreement were read, and the viewer overlays the boxes', async ({ page }) => {
  await newCase(page);
  const form = page.locator('[data-role="modulo"]');
  await form.getByLabel('Scegli file: Modulo di richiesta firmato').setInputFiles(corpus('forms/digital-rossi-mismatch.pdf'));
  await page.locator('[data-role="documento-fronte"]').getByLabel('Scegli file: Documento di identità – fronte').setInputFiles(corpus('images/cie-01-front.jpg'));
  await page.locator('[data-role="documento-retro"]').getByLabel('Scegli file: Documento di identità – retro').setInputFiles(corpus('images/cie-01-back.jpg'));
  // Attaching reads each file for a prefilled form's code first: a PDF takes a moment.
  await expect(form.locator('.thumbnail canvas')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-role^="documento"] .thumbnails li')).toHaveCount(2, { timeout: 60_000 });

  await form.getByRole('button', { name: /^Ingrandisci: / }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer.getByText('Pagina 1 di 2')).toBeVisible();
  await expect(viewer.getByRole('img', { name: 'Modulo di richiesta firmato 1, Pagina 1 di 2' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Pagina precedente' })).toBeDisabled();
  await viewer.getByRole('button', { name: 'Pagina successiva' }).click();
  await expect(viewer.getByRole('img', { name: 'Modulo di richiesta firmato 1, Pagina 2 di 2' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Pagina successiva' })).toBeDisabled();
  // Zoomed in, the page is drawn again with twice the pixels.
  for (let i = 0; i < 3; i += 1) await viewer.getByRole('button', { name: 'Ingrandisci' }).click();
  await expect(viewer.getByRole('img', { name: 'Modulo di richiesta firmato 1, Pagina 2 di 2' })).toHaveAttribute('width', '1563');
  for (let i = 0; i < 3; i += 1) await viewer.getByRole('button', { name: 'Riduci' }).click();
  await expect(viewer.getByRole('img', { name: 'Modulo di richiesta firmato 1, Pagina 2 di 2' })).toHaveAttribute('width', '800');
  await page.screenshot({ path: 'test-results/screens/31-pdf-pagina-2.png' });
  await expectNoSeriousViolations(page, 'visualizzatore PDF');
  // A digitally filled PDF is read from its fields: the editor says why it does not redraw it.
  await viewer.getByRole('button', { name: 'Raddrizza e ritaglia' }).click();
  await expect(viewer.getByText('Questo PDF è un modulo compilato al computer')).toBeVisible();
  await viewer.getByRole('button', { name: 'Annulla' }).click();
  await viewer.getByRole('button', { name: 'Chiudi' }).click();

  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 240_000 });
  const names = page.locator('tr[data-code="GIVEN_NAMES_MISMATCH"]');
  await expect(names.getByRole('img', { name: 'Zona del modulo da cui è stato letto «Nome»' })).toBeVisible();
  await expect(names.getByRole('img', { name: 'Zona del documento da cui è stato letto «Nome»' })).toBeVisible();
  const birth = page.locator('tr[data-code="BIRTH_DATE_MISMATCH"]');
  await expect(birth.locator('.read-region canvas')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/32-differenze-con-zone.png', fullPage: true });
  // Every value read from the ID, with its source, confidence and region.
  await page.getByText('Dati letti dal documento di identità').click();
  const fiscalCode = page.locator('.document-fields tr[data-field="fiscalCode"]');
  await expect(fiscalCode).toContainText('codice a barre, affidabilità 100 %');
  await expect(fiscalCode.getByRole('img', { name: 'Zona del documento da cui è stato letto «Codice fiscale»' })).toBeVisible();
  await expect(page.locator('.document-fields tr[data-field="birthDate"]')).toContainText('zona a lettura ottica del documento');
  await fiscalCode.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/36-dati-letti-documento.png', fullPage: true });
  await expectNoSeriousViolations(page, 'verifica con zone lette');

  // A value the clerk corrects was read from nowhere: its region goes away.
  await names.getByRole('button', { name: 'Correggi il valore letto dal documento' }).click();
  await names.getByLabel('Valore corretto nel documento per «Nome»').fill('MARIA');
  await names.getByRole('button', { name: 'Salva correzione' }).click();
  await expect(page.locator('tr[data-code="GIVEN_NAMES_MISMATCH"]')).toHaveCount(0);
  await expect(birth.locator('.read-region canvas')).toHaveCount(2);

  // The form fields show where each value was read, next to source and confidence.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('img', { name: 'Zona del modulo da cui è stato letto «Cognome»' })).toBeVisible();

  await page.keyboard.press('Alt+2');
  await page.locator('[data-role="documento-retro"]').getByRole('button', { name: /^Ingrandisci: / }).click();
  await viewer.getByRole('button', { name: 'Mostra i campi letti' }).click();
  await expect(viewer.locator('.read-box').first()).toBeVisible();
  // The clerk's correction of the name left no box for it; the barcode still has its own.
  await expect(viewer.locator('[data-box~="document-givenNames"]')).toHaveCount(0);
  await expect(viewer.locator('[data-box="document-fiscalCode"]')).toBeVisible();
  await expect(viewer.locator('[data-box~="document-birthDate"]')).toContainText('Data di nascita');
  await page.screenshot({ path: 'test-results/screens/33-campi-letti-sul-documento.png' });
  await viewer.getByRole('button', { name: 'Chiudi' }).click();
});

test('a sideways phone photo of an ID back is turned and cropped by keyboard: the edit replaces the scan (new hash, audited) and the documents are read again', async ({ page }) => {
  await newCase(page);
  // The photo as a clerk might get it: the card sideways (turned a quarter anticlockwise).
  const photo = readFileSync(corpus('images/cie-11-back.jpg')).toString('base64');
  const sideways = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
    const canvas = new OffscreenCanvas(bitmap.height, bitmap.width);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.translate(0, bitmap.width);
    context.rotate(-Math.PI / 2);
    context.drawImage(bitmap, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, photo);
  await page.locator('[data-role="documento-fronte"]').getByLabel('Scegli file: Documento di identità – fronte').setInputFiles(corpus('images/cie-11-front.jpg'));
  const back = page.locator('[data-role="documento-retro"]');
  await back.getByLabel('Scegli file: Documento di identità – retro').setInputFiles({ name: 'foto-retro.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(sideways, 'base64') });
  await expect(page.locator('[data-role^="documento"] .thumbnails li')).toHaveCount(2, { timeout: 60_000 });

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('status').filter({ hasText: 'Documenti letti' })).toBeVisible({ timeout: 240_000 });
  const before = await intakeState(page);
  const originalSha = before.attachments.find((a) => a.role === 'documento-retro')!.sha256;

  await page.keyboard.press('Alt+2');
  await back.getByRole('button', { name: /^Ingrandisci: / }).click();
  const viewer = page.getByRole('dialog');
  await viewer.getByRole('button', { name: 'Raddrizza e ritaglia' }).click();
  const selection = viewer.getByRole('group', { name: /^Riquadro di ritaglio/ });
  await expect(selection).toBeVisible();
  const whole = await selection.getAttribute('data-crop');
  await viewer.getByRole('button', { name: 'Ruota a destra' }).click();
  const turned = await selection.getAttribute('data-crop');
  expect(turned?.split(',').slice(2)).toEqual(whole?.split(',').slice(2).reverse());
  // Handles: dragging the top-left corner moves only that corner; undo takes it back.
  const corner = (await viewer.locator('[data-handle="nw"]').boundingBox())!;
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await page.mouse.down();
  await page.mouse.move(corner.x + 60, corner.y + 40, { steps: 4 });
  await page.mouse.up();
  const dragged = (await selection.getAttribute('data-crop'))!.split(',').map(Number);
  const full = turned!.split(',').map(Number);
  expect(dragged[0]).toBeGreaterThan(0);
  expect(dragged[1]).toBeGreaterThan(0);
  expect(dragged[0] + dragged[2]).toBe(full[2]);
  expect(dragged[1] + dragged[3]).toBe(full[3]);
  await viewer.getByRole('button', { name: 'Annulla l’ultima modifica' }).click();
  await expect(selection).toHaveAttribute('data-crop', turned!);
  // Keyboard crop: Shift + arrows pull the bottom-right corner in, arrows move the frame: the dark
  // table around the card goes.
  await selection.focus();
  const presses = [...Array(14).fill('Shift+ArrowLeft'), ...Array(6).fill('Shift+ArrowUp'), ...Array(8).fill('ArrowRight'), ...Array(6).fill('ArrowDown')] as string[];
  for (const key of presses) await page.keyboard.press(key);
  const cropped = await selection.getAttribute('data-crop');
  expect(cropped).not.toBe(turned);
  const [x, , w, h] = cropped!.split(',').map(Number);
  const [, , fullW, fullH] = turned!.split(',').map(Number);
  expect(x).toBeGreaterThan(0);
  expect(w).toBeLessThan(fullW);
  expect(h).toBeLessThan(fullH);
  // Undo before saving: a wrong extra turn is taken back, the crop stays.
  await viewer.getByRole('button', { name: 'Ruota a destra' }).click();
  await viewer.getByRole('button', { name: 'Annulla l’ultima modifica' }).click();
  await expect(selection).toHaveAttribute('data-crop', cropped!);
  await page.screenshot({ path: 'test-results/screens/34-raddrizza-ritaglia.png' });
  await expectNoSeriousViolations(page, 'raddrizza e ritaglia');
  await viewer.getByRole('button', { name: 'Salva l’immagine modificata' }).click();
  await expect(viewer).toBeHidden();
  await expect(back.getByRole('status')).toContainText('Immagine raddrizzata e ritagliata salvata');

  const edited = await intakeState(page);
  const newSha = edited.attachments.find((a) => a.role === 'documento-retro')!.sha256;
  expect(newSha).not.toBe(originalSha);
  expect(edited.attachments).toHaveLength(2);
  const audit = await transformAudit(page);
  expect(audit).toEqual([`rotate=90;crop=${cropped};from=${originalSha};to=${newSha}`]);

  // Read again from the edited scan, which is what the case keeps and sends.
  await expect.poll(async () => (await intakeState(page)).reading, { timeout: 240_000 }).toMatchObject({ state: 'done', key: expect.stringContaining(`documento-retro:${newSha}`) });
  const after = await intakeState(page);
  const truth = JSON.parse(readFileSync(corpus('ground-truth.json'), 'utf8')).documents.find((d: { id: string }) => d.id === 'cie-11').fields as Record<string, string | null>;
  const right = (fields: Record<string, string | null> | null) => Object.entries(truth).filter(([field, value]) => value !== null && fields?.[field] === value).length;
  test.info().annotations.push({ type: 'fields read right', description: `sideways: ${right(before.fields)}, straightened: ${right(after.fields)} of ${Object.values(truth).filter((v) => v !== null).length}` });
  expect(right(after.fields)).toBeGreaterThanOrEqual(right(before.fields));
  await back.getByRole('button', { name: /^Ingrandisci: / }).click();
  await page.screenshot({ path: 'test-results/screens/35-retro-raddrizzato.png' });
});

test('the applied transform is pixel-exact: quarter turns and crop on a four-colour test image', async ({ page }) => {
  await page.goto('/');
  const corners = await page.evaluate(async () => {
    const editingModule = '/intake/scan-editing.ts';
    const { applyScanTransform } = await import(/* @vite-ignore */ editingModule);
    // 40 × 20: red top-left, green top-right, blue bottom-left, white bottom-right quadrants.
    const source = new OffscreenCanvas(40, 20);
    const context = source.getContext('2d') as OffscreenCanvasRenderingContext2D;
    for (const [x, y, colour] of [[0, 0, '#ff0000'], [20, 0, '#00ff00'], [0, 10, '#0000ff'], [20, 10, '#ffffff']] as const) {
      context.fillStyle = colour;
      context.fillRect(x, y, 20, 10);
    }
    const png = await source.convertToBlob({ type: 'image/png' });
    const name = (r: number, g: number, b: number) => (r > 200 && g > 200 && b > 200 ? 'white' : r > 200 ? 'red' : g > 200 ? 'green' : b > 200 ? 'blue' : '?');
    const read = async (blob: Blob) => {
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const c = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      c.drawImage(bitmap, 0, 0);
      const at = (x: number, y: number) => {
        const [r, g, b] = c.getImageData(x, y, 1, 1).data;
        return name(r, g, b);
      };
      return { size: `${bitmap.width}x${bitmap.height}`, tl: at(1, 1), tr: at(bitmap.width - 2, 1), bl: at(1, bitmap.height - 2), br: at(bitmap.width - 2, bitmap.height - 2) };
    };
    return {
      turn90: await read(await applyScanTransform(png, 'image/png', { rotation: 90, angle: 0, crop: null })),
      turn180: await read(await applyScanTransform(png, 'image/png', { rotation: 180, angle: 0, crop: null })),
      turn270: await read(await applyScanTransform(png, 'image/png', { rotation: 270, angle: 0, crop: null })),
      // Turned 90° the image is 20 × 40; its bottom half is the original's right half (green, white).
      turn90crop: await read(await applyScanTransform(png, 'image/png', { rotation: 90, angle: 0, crop: { x: 0, y: 20, width: 20, height: 20 } })),
    };
  });
  expect(corners.turn90).toEqual({ size: '20x40', tl: 'blue', tr: 'red', bl: 'white', br: 'green' });
  expect(corners.turn180).toEqual({ size: '40x20', tl: 'white', tr: 'blue', bl: 'green', br: 'red' });
  expect(corners.turn270).toEqual({ size: '20x40', tl: 'green', tr: 'white', bl: 'red', br: 'blue' });
  expect(corners.turn90crop).toEqual({ size: '20x20', tl: 'white', tr: 'green', bl: 'white', br: 'green' });
});
