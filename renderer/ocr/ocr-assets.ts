/** Where the OCR assets are served from: the app's own origin (dev server or app:// protocol). */
export function ocrAssetUrl(path: string): string {
  return new URL(`ocr-assets/${path}`, document.baseURI).href;
}
