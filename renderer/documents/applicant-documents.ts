import { buildReceipt, type ReceiptInput } from '../../shared/notices/receipt';
import { buildRefusalNotice, type RefusalNoticeInput } from '../../shared/notices/refusal-notice';
import { buildRefusalEmail, type RefusalEmail } from '../../shared/notices/refusal-email';
import type { NoticeWarning } from '../../shared/notices/warnings';
import { renderApplicantDocumentPdf, type DocumentFonts } from './document-pdf';
import { loadDocumentFonts } from './document-fonts';

export interface RenderedPdf {
  pdf: Uint8Array;
  fileName: string;
  warnings: NoticeWarning[];
}

/** The applicant's receipt as a printable A4 PDF. */
export async function renderReceiptPdf(input: ReceiptInput, fonts?: DocumentFonts): Promise<RenderedPdf> {
  const { document, warnings } = buildReceipt(input);
  const pdf = await renderApplicantDocumentPdf(document, fonts ?? (await loadDocumentFonts()), input.now);
  return { pdf, fileName: document.fileName, warnings };
}

/** The refusal notice as a printable A4 PDF; throws `NotRefusedError` for a case not refused. */
export async function renderRefusalNoticePdf(input: RefusalNoticeInput, fonts?: DocumentFonts): Promise<RenderedPdf> {
  const { document, warnings } = buildRefusalNotice(input);
  const pdf = await renderApplicantDocumentPdf(document, fonts ?? (await loadDocumentFonts()), input.now);
  return { pdf, fileName: document.fileName, warnings };
}

/**
 * The notice the applicant was given: the PDF stored with the case at the decision when there is
 * one (reprints are identical to it), else rendered now (a case decided before notices were kept).
 */
export async function refusalNoticeFor(input: RefusalNoticeInput, stored: Uint8Array | null, fonts?: DocumentFonts): Promise<RenderedPdf> {
  if (stored === null) return renderRefusalNoticePdf(input, fonts);
  const { document, warnings } = buildRefusalNotice(input);
  return { pdf: stored, fileName: document.fileName, warnings };
}

export interface RefusalDraft extends RefusalEmail {
  notice: RenderedPdf;
}

/**
 * The e-mail/PEC draft with the notice attached. Notice warnings (a reason without a template) and
 * address warnings come back together; with no usable address `eml` is null and the notice is
 * still there to print.
 */
export async function buildRefusalEml(input: RefusalNoticeInput, fonts?: DocumentFonts, storedNotice: Uint8Array | null = null): Promise<RefusalDraft> {
  const notice = await refusalNoticeFor(input, storedNotice, fonts);
  const email = buildRefusalEmail({ ...input, noticePdf: { fileName: notice.fileName, bytes: notice.pdf } });
  return { ...email, notice, warnings: [...notice.warnings, ...email.warnings] };
}
