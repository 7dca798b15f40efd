import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { createDevMainServer } from './electron/dev/dev-main-server';
import { ocrAssets } from './scripts/ocr-assets';

const DEV_HOST = '127.0.0.1';
const DEV_PORT = Number(process.env.SPORTELLO_DEV_PORT ?? 5174);
const BROWSER_TEST = process.env.SPORTELLO_BROWSER_TEST === '1';

/** Dev web mode: serves the main-process handlers over HTTP and the app's CSP on every response. */
function devMainBridge(): Plugin {
  return {
    name: 'sportello-dev-main-bridge',
    apply: 'serve',
    configureServer(server) {
      const devMain = createDevMainServer({
        userData: path.resolve(process.env.SPORTELLO_USER_DATA ?? '.dev-data'),
        appOrigin: `http://${DEV_HOST}:${DEV_PORT}`,
        devSocketOrigin: `ws://${DEV_HOST}:${DEV_PORT}`,
      });
      server.middlewares.use((_req, res, next) => {
        void devMain.contentSecurityPolicy().then((csp) => {
          res.setHeader('Content-Security-Policy', csp);
          next();
        });
      });
      server.middlewares.use(devMain.middleware);
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  plugins: [devMainBridge(), ocrAssets()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: false },
  // The document-reading worker loads pdf.js on demand: only ES module workers can split chunks.
  worker: { format: 'es' },
  // Every renderer module is crawled at start-up, so no dependency is discovered late (a late one
  // makes Vite re-optimise and reload the page in the middle of a test or a clerk's work).
  optimizeDeps: { entries: ['index.html', '**/*.ts', '**/*.tsx'] },
  // Browser tests get a still server: no hot reload may interrupt a test while files change.
  server: BROWSER_TEST
    ? { host: DEV_HOST, port: DEV_PORT, strictPort: true, hmr: false, watch: null }
    : { host: DEV_HOST, port: DEV_PORT, strictPort: true, hmr: { host: DEV_HOST, port: DEV_PORT } },
});
