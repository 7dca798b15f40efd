import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Every browser test runs with this fixture: any request that would leave 127.0.0.1 is recorded and
 * the test fails if there was one. It cannot leave either: playwright.config.ts points Chromium's
 * proxy at a dead loopback port (127.0.0.1 itself bypasses it), so such a request fails inside the
 * browser. The app must work with no network. The guard only listens: routing every request
 * through Playwright would copy each module and upload out of the browser and slow every page load.
 */
export function recordRequestsLeaving(context: BrowserContext): string[] {
  const escaped: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:') escaped.push(request.url());
  });
  return escaped;
}

export const test = base.extend<{ offlineGuard: string[] }>({
  offlineGuard: [
    async ({ context }, use) => {
      const escaped = recordRequestsLeaving(context);
      await use(escaped);
      expect(escaped, 'requests that tried to leave 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The administrator every browser test signs in as; each test's browser context starts with an empty store. */
export const TEST_ADMIN = { username: 'admin.test', displayName: 'Amministratore Prova', password: 'password-di-prova-2026' } as const;

/**
 * Opens the app and gets past the access gate: creates the administrator on a first run, or signs
 * in as that administrator when the store already has accounts. Resolves once the case list shows.
 */
export async function enterApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  const firstRun = page.getByRole('heading', { name: 'Primo avvio: creare l’amministratore' });
  const signIn = page.getByRole('heading', { name: 'Accesso operatore' });
  await expect(firstRun.or(signIn)).toBeVisible();
  if (await firstRun.isVisible()) {
    await page.getByLabel('Nome utente').fill(TEST_ADMIN.username);
    await page.getByLabel('Nome e cognome dell’operatore').fill(TEST_ADMIN.displayName);
    await page.getByLabel('Password', { exact: true }).fill(TEST_ADMIN.password);
    await page.getByLabel('Ripetere la password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Crea amministratore' }).click();
  } else {
    await page.getByLabel('Nome utente').fill(TEST_ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
  }
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();
}
