/**
 * What the pipeline needs from an OCR engine and a barcode reader. The browser (tesseract.js in
 * Web Workers, zxing-wasm) and Node (tesseract.js worker threads, zxing-wasm) provide adapters;
 * the pipeline never knows which one it runs on.
 */
import type { Box, GrayRaster } from './raster';

export interface OcrSymbol {
  text: string;
  confidence: number;
  box: Box;
}

export interface OcrWord {
  text: string;
  /** 0..100 as tesseract reports it. */
  confidence: number;
  box: Box;
  /** Single characters with their boxes, when the engine gives them. */
  symbols?: OcrSymbol[];
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: Box;
  words: OcrWord[];
}

export interface OcrPage {
  lines: OcrLine[];
}

export interface OcrRequest {
  image: GrayRaster;
  /** `auto`: page layout analysis; `block`: one uniform block of text; `line`: a single text line (an MRZ row). */
  layout: 'auto' | 'block' | 'line';
  /** Only these characters may be recognised. */
  whitelist?: string;
}

export interface OcrEngine {
  recognize(request: OcrRequest): Promise<OcrPage>;
}

export interface BarcodeReading {
  text: string;
  box: Box;
}

export interface BarcodeReader {
  /** Every Code 39 barcode found on the image. */
  readCode39(image: GrayRaster): Promise<BarcodeReading[]>;
  /** Every QR code found on the image (the code printed on a prefilled form). */
  readQrCodes(image: GrayRaster): Promise<BarcodeReading[]>;
}
