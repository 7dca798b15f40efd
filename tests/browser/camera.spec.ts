import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { newCase } from './support/intake';

// Chromium's fake capture device is fed with a real document image: a single-frame MJPEG stream,
// which it wants baseline-encoded with even dimensions. Written before the browser launches.
const fakeCamera = path.resolve('test-results/fake-camera.mjpeg');
fs.mkdirSync(path.dirname(fakeCamera), { recursive: true });
execFileSync(process.execPath, ['-e', `require('sharp')(${JSON.stringify(path.resolve('tests/corpus/images/cie-01-front.jpg'))}).resize(1280, 720, { fit: 'contain', background: '#fff' }).jpeg({ progressive: false, quality: 90 }).toFile(${JSON.stringify(fakeCamera)})`]);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test.use({
  launchOptions: {
    executablePath: fs.existsSync(chromium) ? chromium : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCamera}`],
  },
});

test('a still from the document camera, fed with a document image, is attached to the case', async ({ page }) => {
  await newCase(page);
  const front = page.locator('[data-role="documento-fronte"]');
  await front.getByRole('button', { name: 'Fotocamera' }).click();
  const preview = front.getByLabel('Anteprima della fotocamera');
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screens/25-fotocamera.png', fullPage: true });
  await front.getByRole('button', { name: 'Scatta' }).click();
  await expect(front.locator('.thumbnails li')).toHaveCount(1);
  await expect(front.getByRole('status')).toContainText('Allegato «Fotocamera');
  await front.getByRole('button', { name: 'Chiudi fotocamera' }).click();
  await expect(preview).toHaveCount(0);
});
