import type { CaseRecord } from '../case/case';
import { renderDocumentTemplate } from './document-template';
import { caseValues, type OfficeSettings } from './case-values';
import { refusalReasons, writeReason, type NoticeReason } from './reason-sentences';
import { assertComplete, type BuiltDocument } from './receipt';
import { templatesIt, type NoticeTemplates } from './templates';
import type { NoticeWarning } from './warnings';

export interface RefusalNoticeInput {
  record: CaseRecord;
  office: OfficeSettings;
  /** The identity check's reasons for this case, with the two values compared. */
  reasons: readonly NoticeReason[];
  now: Date;
}

export class NotRefusedError extends Error {
  readonly messageKey = 'notices.refusalNotice.notRefused';
  constructor() {
    super('the case has no refusal decision');
  }
}

/**
 * The refusal notice (issue 7): letterhead, case, applicant, each reason with what the form says and
 * what the document says, the clerk's note, and what to do next. Throws `NotRefusedError` for a case
 * that was not refused; any other gap gives a warning and a printable notice.
 */
export function buildRefusalNotice(input: RefusalNoticeInput, templates: NoticeTemplates = templatesIt): BuiltDocument {
  const decision = input.record.decision;
  if (decision?.outcome !== 'refuse') throw new NotRefusedError();
  const { values, warnings } = caseValues(input.record, input.office, templates.labels, input.now);
  const written = refusalReasons(decision.reasonCodes, input.reasons).map((reason) => writeReason(reason, templates.reasons));
  const rendered = renderDocumentTemplate(templates.refusalNotice, values, { motivi: written.map((w) => w.item) });
  assertComplete(rendered.missing, templates.refusalNotice.id);
  const reasonWarnings = written.map((w) => w.warning).filter((w): w is NoticeWarning => w !== null);
  return { document: rendered.document, warnings: [...warnings, ...reasonWarnings] };
}
