/**
 * The rig every browser benchmark uses: dev web mode on a free loopback port with its own
 * user-data folder and no hot reload (an edit elsewhere must not reload the page mid-measurement),
 * and Debian's Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { freePort } from '../../central/tests/child-central';

export interface BenchBrowser {
  port: number;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBenchBrowser(label: string): Promise<BenchBrowser> {
  const port = await freePort();
  process.env.SPORTELLO_DEV_PORT = String(port);
  process.env.SPORTELLO_USER_DATA = fs.mkdtempSync(path.join(os.tmpdir(), `sportello-bench-${label}-`));
  process.env.SPORTELLO_BROWSER_TEST = '1';
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: path.resolve('vite.config.ts'), configLoader: 'runner', logLevel: 'warn' });
  await server.listen();
  const browser = await chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // Nothing may leave the machine: anything not for 127.0.0.1 goes to a dead proxy and fails in the browser.
    proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' },
  });
  return {
    port,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
