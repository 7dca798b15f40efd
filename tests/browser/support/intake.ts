import { expect, type Page } from '@playwright/test';
import { enterApp } from '../fixtures';

/** Signs in (unless `enter` is false: already in the app) and opens a new case for `profile`, ready on the capture step. */
export async function newCase(page: Page, profile = 'Medico ospedaliero', enter = true) {
  if (enter) await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: profile }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica / })).toBeVisible();
}

/** Points the workstation's scanner folder at `folder` (Impostazioni). */
export async function configureHotFolder(page: Page, folder: string) {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Impostazioni' }).click();
  await page.getByLabel('Cartella dello scanner').fill(folder);
  await page.getByRole('button', { name: 'Salva impostazioni' }).click();
  await expect(page.getByRole('status')).toHaveText('Impostazioni salvate.');
}
