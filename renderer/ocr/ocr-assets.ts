/**
 * Where the OCR assets are served from: the app's own origin (dev server or app:// protocol). A
 * worker has no document: the page tells it its base URL (`setOcrAssetBase`) before reading.
 */
let base: string | null = null;

export function setOcrAssetBase(baseUrl: string): void {
  base = baseUrl;
}

export function ocrAssetUrl(path: string): string {
  const from = base ?? globalThis.document?.baseURI;
  if (!from) throw new Error('ocr asset base unknown: call setOcrAssetBase first');
  return new URL(`ocr-assets/${path}`, from).href;
}
