import type { ScanRole, CaseRecord } from '../case/case';
import type { ApplicantDocument } from './document-template';
import { renderDocumentTemplate } from './document-template';
import { caseValues, receivedItems, type OfficeSettings } from './case-values';
import { templatesIt, type NoticeTemplates } from './templates';
import type { NoticeWarning } from './warnings';

export interface ReceiptInput {
  record: CaseRecord;
  office: OfficeSettings;
  /** Roles of the attachments stored with the case (one entry per page is fine). */
  received: readonly ScanRole[];
  now: Date;
}

export interface BuiltDocument {
  document: ApplicantDocument;
  warnings: NoticeWarning[];
}

/** The applicant's receipt (issue 5, item 6): case number, date, office, profile, what was received, credential rules. */
export function buildReceipt(input: ReceiptInput, templates: NoticeTemplates = templatesIt): BuiltDocument {
  const { values, warnings } = caseValues(input.record, input.office, templates.labels, input.now);
  const rendered = renderDocumentTemplate(templates.receipt, values, {
    documentiRicevuti: receivedItems(input.record, input.received, templates.labels),
  });
  assertComplete(rendered.missing, templates.receipt.id);
  return { document: rendered.document, warnings };
}

/** A template asking for a value no builder provides is a programming error, not bad input. */
export function assertComplete(missing: readonly string[], templateId: string): void {
  if (missing.length > 0) throw new Error(`template ${templateId} uses unknown placeholders: ${missing.join(', ')}`);
}
