import { test as plainTest } from '@playwright/test';
import { test, expect, enterApp, recordRequestsLeaving } from './fixtures';

test('the shell opens in Italian with its navigation', async ({ page }) => {
  await enterApp(page);
  await expect(page).toHaveTitle('Sportello Abilitazioni');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await expect(nav.getByRole('button', { name: 'Pratiche' })).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: 'test-results/screens/01-pratiche.png', fullPage: true });

  await nav.getByRole('button', { name: 'Diagnostica' }).click();
  await expect(page.getByRole('heading', { name: 'Diagnostica', exact: true })).toBeVisible();
  await expect(page.getByText(/^\d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/02-diagnostica.png', fullPage: true });
});

test('the CSP stops an injected inline script', async ({ page }) => {
  await enterApp(page);
  await expect(page.getByRole('heading', { name: 'Pratiche allo sportello' })).toBeVisible();
  const outcome = await page.evaluate(() => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
    return new Promise<{ ran: boolean; violations: string[] }>((resolve) =>
      setTimeout(() => resolve({ ran: (window as unknown as { __injected?: boolean }).__injected === true, violations }), 100),
    );
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.violations).toContain('script-src-elem');
});

// The guard every other test relies on, shown working: without the app's CSP in the way, a page and a
// worker each try the internet; neither request gets an answer and both are recorded.
plainTest('the offline guard of the browser tests records and stops requests that would leave the machine', async ({ page, context }) => {
  const escaped = recordRequestsLeaving(context);
  await page.setContent('<p>guard</p>');
  const fromPage = await page.evaluate(() => fetch('http://example.org/from-page').then(() => 'answered', () => 'failed'));
  const fromWorker = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const code = "fetch('http://cdn.example.net/from-worker').then(() => postMessage('answered'), () => postMessage('failed'))";
        new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))).onmessage = (event) => resolve(String(event.data));
      }),
  );
  expect([fromPage, fromWorker]).toEqual(['failed', 'failed']);
  expect(escaped).toEqual(['http://example.org/from-page', 'http://cdn.example.net/from-worker']);
});
