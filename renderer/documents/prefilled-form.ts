import { PDFCheckBox, PDFDocument, PDFDropdown, PDFRadioGroup, PDFTextField, rgb, type PDFForm } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { CaseRecord } from '../../shared/case/case';
import { FORM_FIELD_NAMES } from '../../shared/case/form-fields';
import { encodeFormCode, formCodePlacement, formDigest } from '../../shared/notices/form-code';
import type { DocumentFonts } from './document-pdf';
import { drawQrCode } from './machine-code';

export interface PrefilledFormInput {
  /** The fillable form PDF (the facsimile in resources/forms, or the official one). */
  formPdf: Uint8Array;
  record: Pick<CaseRecord, 'id' | 'number' | 'profile' | 'form'>;
  fonts: DocumentFonts;
}

export interface PrefilledForm {
  pdf: Uint8Array;
  fileName: string;
  /** SHA-256 of the printed data (`formDigest`), recorded with the case when the form is issued. */
  formDigest: string;
  /** Form fields with a value that the PDF has no field for (a template mismatch to report). */
  unmatchedFields: string[];
}

/**
 * Walk-in without a form (issue 5, item 7): fills the AcroForm with the clerk's values and stamps
 * every page with a QR code carrying the case id, the SHA-256 of the printed data and the page
 * number, so any signed page scanned back finds its case. Fields stay fillable; their appearance
 * uses the embedded font so names outside Latin-1 print.
 */
export async function renderPrefilledFormPdf(input: PrefilledFormInput): Promise<PrefilledForm> {
  const pdf = await PDFDocument.load(input.formPdf);
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(input.fonts.regular, { subset: true });
  const form = pdf.getForm();
  const values: [string, string][] = [
    ['tipo_profilo', input.record.profile ?? ''],
    ...FORM_FIELD_NAMES.map((name): [string, string] => [name, input.record.form[name]?.value ?? '']),
  ];
  const unmatchedFields = values.filter(([name, value]) => value !== '' && !setField(form, name, value)).map(([name]) => name);
  form.updateFieldAppearances(font);

  const digest = formDigest(input.record.profile, input.record.form);
  for (const [index, page] of pdf.getPages().entries()) {
    const at = formCodePlacement(page.getSize());
    drawQrCode(page, encodeFormCode({ caseId: input.record.id, formDigest: digest, page: index + 1 }), at);
    page.drawText(input.record.number, { x: at.x, y: at.y - 10, size: 6.5, font, color: rgb(0, 0, 0), maxWidth: at.size + 20 });
  }
  return { pdf: await pdf.save(), fileName: `modulo-${input.record.number}.pdf`, formDigest: digest, unmatchedFields };
}

/** Sets one field whatever its kind; false when the PDF has no such field or the value is not an option. */
function setField(form: PDFForm, name: string, value: string): boolean {
  const field = form.getFields().find((f) => f.getName() === name);
  if (field instanceof PDFTextField) {
    try {
      field.setText(value);
      return true;
    } catch {
      // Longer than the field's MaxLen: reported as unmatched rather than printed cut short.
      return false;
    }
  }
  if (field instanceof PDFDropdown && field.getOptions().includes(value)) {
    field.select(value);
    return true;
  }
  if (field instanceof PDFRadioGroup && field.getOptions().includes(value)) {
    field.select(value);
    return true;
  }
  if (field instanceof PDFCheckBox) {
    if (value === '') field.uncheck();
    else field.check();
    return true;
  }
  return false;
}
