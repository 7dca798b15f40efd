import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/security/app-protocol';
import { ocrAssetFiles } from '../../../scripts/ocr-assets';
import { OCR_ASSET_PATHS } from '../../../renderer/diagnostics/ocr-assets-check';

/**
 * The packaged layout, checked for real: the renderer is built exactly as `npm run dist` builds it
 * (into a temporary folder), then served by the app:// handler the packaged app registers, and
 * every file the app loads at run time (scripts, fonts, the form, the OCR worker, cores, language
 * data, zxing's wasm, pdf.js's worker) must come back from it, byte for byte where we know the source.
 */
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8'));
let outDir = '';
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packaged-renderer-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  handler = createAppProtocolHandler({ root: outDir, readFile: (file) => fs.promises.readFile(file), contentSecurityPolicy: () => "default-src 'self'" });
}, 120_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const get = (relative: string, method = 'GET') => handler(new Request(`app://sportello/${relative}`, { method }));

describe('packaged renderer', () => {
  it('is what electron-builder packs into app.asar, with nothing left outside the integrity check', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('dist/renderer/**');
    expect(config.files.filter((f: string) => f.startsWith('!') && /renderer|ocr|asset|\.(wasm|gz|ttf|pdf)/.test(f))).toEqual([]);
    // Only the clerk guide sits outside: the Help menu hands it to the system's default program, the app never loads it.
    expect(config.extraResources ?? []).toEqual([{ from: 'docs', to: 'guida', filter: ['guida-sportello.md', 'img/**'] }]);
    expect(fs.readFileSync('electron/main/main.ts', 'utf8')).toContain("rendererRoot: path.join(__dirname, '..', 'renderer')");
  });

  it('serves index.html and every script, style and asset the built app references', async () => {
    const index = await (await get('index.html')).text();
    const referenced = new Set([...index.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]));
    for (const script of fs.readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'))) {
      const code = fs.readFileSync(path.join(outDir, 'assets', script), 'utf8');
      for (const m of code.matchAll(/["'`](?:\.\/|\/)?(assets\/[A-Za-z0-9._-]+\.[a-z0-9]+)["'`]/g)) referenced.add(m[1]);
      // `?url` imports (fonts, the form PDF) become `new URL("name", import.meta.url)`, relative to the script.
      for (const m of code.matchAll(/new URL\(["'`]([A-Za-z0-9._-]+)["'`],\s*import\.meta\.url\)/g)) referenced.add(`assets/${m[1]}`);
    }
    expect([...referenced].some((r) => r.endsWith('.ttf'))).toBe(true);
    for (const relative of referenced) expect((await get(relative)).status, relative).toBe(200);
  });

  it('serves the document-reading worker, started as an ES module worker by the page', async () => {
    const assets = fs.readdirSync(path.join(outDir, 'assets'));
    const worker = assets.find((f) => /^reading\.worker-[A-Za-z0-9_-]+\.js$/.test(f));
    expect(worker).toBeDefined();
    const response = await get(`assets/${worker}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/javascript/);
    // pdf.js is loaded on demand, which only an ES module worker can do.
    expect((await response.text()).includes('import('), 'dynamic import in the worker').toBe(true);
    const starter = assets.filter((f) => f.endsWith('.js') && f !== worker).map((f) => fs.readFileSync(path.join(outDir, 'assets', f), 'utf8')).find((code) => code.includes(worker!));
    expect(/type:\s*["'`]module["'`]/.test(starter ?? ''), 'new Worker(…, { type: "module" }) in the page').toBe(true);
  });

  it('finds every OCR file document reading loads, identical to the package it comes from', async () => {
    const sources = ocrAssetFiles();
    for (const asset of OCR_ASSET_PATHS) {
      expect(sources.has(asset), asset).toBe(true);
      const head = await get(`ocr-assets/${asset}`, 'HEAD');
      expect(head.status, asset).toBe(200);
      expect(Number(head.headers.get('Content-Length')), asset).toBe(fs.statSync(sources.get(asset)!).size);
    }
    const language = new Uint8Array(await (await get('ocr-assets/lang/ita.traineddata.gz')).arrayBuffer());
    expect(Buffer.from(language).equals(fs.readFileSync(sources.get('lang/ita.traineddata.gz')!))).toBe(true);
  });
});
