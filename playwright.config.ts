import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const DEV_PORT = Number(process.env.SPORTELLO_DEV_PORT ?? 5174);
const DEAD_PROXY = { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' };
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    // No request may leave the machine: anything not for 127.0.0.1 goes to a dead proxy and fails
    // inside the browser (tests/browser/fixtures.ts records it and fails the test).
    proxy: DEAD_PROXY,
    baseURL: `http://127.0.0.1:${DEV_PORT}`,
    launchOptions: {
      // Debian's Chromium where present; Playwright's own browser only where one was installed.
      executablePath: fs.existsSync(systemChromium) ? systemChromium : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx vite --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
    url: `http://127.0.0.1:${DEV_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { SPORTELLO_USER_DATA: `test-results/dev-data-${DEV_PORT}`, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', SPORTELLO_BROWSER_TEST: '1' },
  },
});
