/**
 * Finds the code of a prefilled form on a captured file (any source) and checks the signature box
 * of its signature page on the same decoded pixels, so the page is decoded once for both. Runs in
 * the document-reading worker (reading.worker.ts): a 300 dpi page and its QR search are pixel work.
 */
import { parseFormTemplate } from '../../shared/document-reading/form-template';
import { checkSignatureByCode } from '../../shared/document-reading/coded-page';
import { parseFormCode, type FormCode } from '../../shared/notices/form-code';
import { formOfPages } from '../../shared/intake/signed-form';
import templateJson from '../../resources/forms/modulo-abilitazione-facsimile.template.json';
import { decodeBrowserFile } from './browser-decode';
import { createBrowserBarcodeReader } from './browser-engines';
import type { BarcodeReader } from '../../shared/document-reading/ocr-engine';

const formTemplate = parseFormTemplate(templateJson);
let barcodes: BarcodeReader | null = null;

export type SignedFormOnFile = ReturnType<typeof formOfPages>;

/**
 * The prefilled form on this file: null when no page carries a code of ours (or the file cannot be
 * decoded: the normal capture and reading then report it), `mixed` when pages disagree.
 */
export async function findSignedForm(bytes: Uint8Array, name: string): Promise<SignedFormOnFile> {
  let pages;
  try {
    pages = await decodeBrowserFile(bytes, name);
  } catch {
    return null;
  }
  barcodes ??= createBrowserBarcodeReader();
  const found: { code: FormCode; signed: boolean | null; inkRatio: number | null }[] = [];
  for (const page of pages) {
    const read = (await barcodes.readQrCodes(page)).map((r) => ({ code: parseFormCode(r.text), box: r.box })).find((r) => r.code !== null);
    if (!read?.code) continue;
    const code = read.code;
    const signature = code.page === formTemplate.signature.page ? checkSignatureByCode(page, read.box, formTemplate) : null;
    found.push({ code, signed: signature?.signed ?? null, inkRatio: signature?.inkRatio ?? null });
  }
  return formOfPages(found);
}
