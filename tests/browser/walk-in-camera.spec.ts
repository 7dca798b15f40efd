import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './support/intake';
import { caseNumber, DANGELO, fillForm, printPrefilledForm, scanSignaturePage } from './support/walk-in';

// The signed prefilled page photographed with the document camera, in the wrong slot: recognised
// by its code all the same. Chromium's fake capture device reads its MJPEG file when the camera
// starts, so the file is written with a placeholder before the browser launches and replaced by the
// photo of the signed page once the form has been printed.
const fakeCamera = path.resolve('test-results/fake-camera-walk-in.mjpeg');

/** A single-frame baseline MJPEG of the camera's 1920 × 1080 (even sides), the image contained on white. */
function writeCameraFrame(image: string) {
  execFileSync(process.execPath, [
    '-e',
    `require('sharp')(${JSON.stringify(image)}).resize(1920, 1080, { fit: 'contain', background: '#fff' }).jpeg({ progressive: false, quality: 90 }).toFile(${JSON.stringify(fakeCamera)})`,
  ]);
}

fs.mkdirSync(path.dirname(fakeCamera), { recursive: true });
writeCameraFrame(path.resolve('tests/corpus/images/cie-01-front.jpg'));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test.use({
  launchOptions: {
    executablePath: fs.existsSync(chromium) ? chromium : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCamera}`],
  },
});

test('walk-in: a photo of the signed prefilled page, taken in the ID slot, is attached as the signed form and its signature found', async ({ page }) => {
  const printed = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-walk-in-camera-'));
  await newCase(page, 'Medico esterno');
  const number = await caseNumber(page);
  await fillForm(page, DANGELO);
  const pdf = await printPrefilledForm(page, printed);
  const photo = path.join(printed, 'firmato.jpg');
  fs.writeFileSync(photo, await scanSignaturePage(page, pdf, true));
  writeCameraFrame(photo);

  await page.keyboard.press('Alt+2');
  const front = page.locator('[data-role="documento-fronte"]');
  await front.getByRole('button', { name: 'Fotocamera' }).click();
  const preview = front.getByLabel('Anteprima della fotocamera');
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  await front.getByRole('button', { name: 'Scatta' }).click();
  await expect(front.getByRole('status')).toContainText(`Riconosciuto il modulo precompilato della pratica ${number}`);
  await expect(page.locator('[data-role="modulo"] .thumbnails li')).toHaveCount(1);
  await expect(front.locator('.thumbnails li')).toHaveCount(0);
  await front.getByRole('button', { name: 'Chiudi fotocamera' }).click();

  await page.keyboard.press('Alt+4');
  await expect(page.locator('[data-item="signed"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('signed-form-note')).toContainText('si verifica solo la firma');
});
