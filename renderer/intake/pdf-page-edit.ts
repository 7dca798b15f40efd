/**
 * A page of a scanned PDF replaced by its edited image. The PDF is rebuilt with pdf-lib: the other
 * pages are copied as they are (only what they reference comes along, so the cut-away pixels of the
 * edited page leave the file), the edited page is the new JPEG at the same pixels-per-point as the
 * rendering it was edited on, so its printed size stays that of the page as shown.
 */
import { PDFDocument } from 'pdf-lib';

/** True when the PDF carries form fields: a digitally filled form, read exactly from its fields. */
export async function isDigitalForm(pdf: Uint8Array): Promise<boolean> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getForm().getFields().length > 0;
}

/** The PDF with page `page` (1-based) replaced by `jpeg`, drawn at `pixelsPerPoint`. */
export async function replacePdfPage(pdf: Uint8Array, page: number, jpeg: Uint8Array, pixelsPerPoint: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  if (source.getForm().getFields().length > 0) throw new Error('A digitally filled PDF form is not edited.');
  const count = source.getPageCount();
  if (page < 1 || page > count) throw new RangeError(`PDF page ${page} of ${count}`);
  const rebuilt = await PDFDocument.create({ updateMetadata: false });
  const copied = await rebuilt.copyPages(source, [...Array(count).keys()].filter((index) => index !== page - 1));
  const image = await rebuilt.embedJpg(jpeg);
  const width = image.width / pixelsPerPoint;
  const height = image.height / pixelsPerPoint;
  for (let index = 0; index < count; index += 1) {
    if (index === page - 1) rebuilt.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    else rebuilt.addPage(copied.shift()!);
  }
  return rebuilt.save();
}
