/** BarcodeReader over zxing-wasm's `readBarcodes`; each runtime prepares the module with its local .wasm. */
import type { BarcodeReader, BarcodeReading } from './ocr-engine';
import { encodePgm, type GrayRaster } from './raster';

interface ZxingPosition {
  topLeft: { x: number; y: number };
  bottomRight: { x: number; y: number };
  topRight: { x: number; y: number };
  bottomLeft: { x: number; y: number };
}

export type ReadBarcodes = (
  input: Uint8Array,
  options: { formats: string[]; tryHarder: boolean; maxNumberOfSymbols: number },
) => Promise<Array<{ isValid: boolean; text: string; position: ZxingPosition }>>;

export function createZxingBarcodeReader(readBarcodes: ReadBarcodes): BarcodeReader {
  async function read(image: GrayRaster, format: string): Promise<BarcodeReading[]> {
    // PGM: zxing-wasm decodes encoded images with stb_image, which reads PNM.
    const results = await readBarcodes(encodePgm(image), { formats: [format], tryHarder: true, maxNumberOfSymbols: 4 });
    return results
      .filter((r) => r.isValid && r.text !== '')
      .map((r) => {
        const xs = [r.position.topLeft.x, r.position.topRight.x, r.position.bottomLeft.x, r.position.bottomRight.x];
        const ys = [r.position.topLeft.y, r.position.topRight.y, r.position.bottomLeft.y, r.position.bottomRight.y];
        const x = Math.min(...xs);
        const y = Math.min(...ys);
        return { text: r.text, box: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y } };
      });
  }
  return {
    readCode39: (image) => read(image, 'Code39'),
    readQrCodes: (image) => read(image, 'QRCode'),
  };
}
