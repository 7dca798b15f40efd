import { expectNoSeriousViolations } from './support/axe';
import { test, expect, enterApp } from './fixtures';

test('no serious or critical axe violation on the settings and diagnostics screens', async ({ page }) => {
  await enterApp(page);
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await nav.getByRole('button', { name: 'Impostazioni' }).click();
  await expect(page.getByRole('heading', { name: 'Impostazioni della postazione' })).toBeVisible();
  await expectNoSeriousViolations(page, 'impostazioni');
  await nav.getByRole('button', { name: 'Diagnostica' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostica', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, 'diagnostica');
});

test('no serious or critical axe violation on any step of the intake wizard, and text scales to 200 %', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Nuova pratica' }).click();
  await expectNoSeriousViolations(page, 'richiesta');
  await page.getByRole('radio', { name: 'Medico esterno' }).check();
  await page.getByRole('button', { name: 'Crea la pratica' }).click();
  await expect(page.getByRole('heading', { name: /^Pratica / })).toBeVisible();
  for (const [shortcut, step] of [['Alt+2', 'documenti'], ['Alt+3', 'dati'], ['Alt+4', 'verifica'], ['Alt+5', 'decisione']] as const) {
    await page.keyboard.press(shortcut);
    await expectNoSeriousViolations(page, step);
  }

  // 200 % text: the root font size doubles; nothing may be clipped horizontally.
  await page.keyboard.press('Alt+3');
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByLabel(/^Cognome/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/26-dati-modulo-testo-200.png', fullPage: true });
});
