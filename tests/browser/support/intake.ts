import { expect, type Page } from '@playwright/test';
import { enterApp } from '../fixtures';

/** Signs in and opens a new case for a hospital doctor, ready on the capture step. */
export async function newCase(page: Page) {
  await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await page.getByRole('radio', { name: 'Medico ospedaliero' }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica / })).toBeVisible();
}
