import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentFonts } from '../../../renderer/documents/document-pdf';

export function shippedFonts(): DocumentFonts {
  return {
    regular: new Uint8Array(fs.readFileSync(path.resolve('resources/fonts/DejaVuSans.ttf'))),
    bold: new Uint8Array(fs.readFileSync(path.resolve('resources/fonts/DejaVuSans-Bold.ttf'))),
  };
}

/** The text poppler's pdftotext extracts, the way a reader's copy-paste or a screen reader sees it. */
export function pdfText(pdf: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfPageCount(pdf: Uint8Array): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
