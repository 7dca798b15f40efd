import { test as base, expect } from '@playwright/test';

/**
 * Every browser test runs with this fixture: any request that would leave 127.0.0.1 is aborted
 * and recorded, and the test fails if there was one. The app must work with no network.
 */
export const test = base.extend<{ offlineGuard: string[] }>({
  offlineGuard: [
    async ({ context }, use) => {
      const escaped: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        const local = url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:';
        if (local) return route.continue();
        escaped.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      await use(escaped);
      expect(escaped, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
