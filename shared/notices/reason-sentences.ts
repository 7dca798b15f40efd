import type { CheckReason, CheckReasonField } from '../identity/types';
import type { ListItem } from './document-template';
import { isIsoDate, isoToItalianDate } from '../identity/dates';
import { fillTemplate } from './template';
import type { ReasonTemplates } from './templates';
import type { NoticeWarning } from './warnings';

/**
 * What a refusal reason needs to be written down; a `CheckReason` of the identity check fits. A code
 * the clerk chose without a check behind it has no field (null).
 */
export type NoticeReason = Pick<CheckReason, 'code' | 'formValue' | 'documentValue' | 'message'> & { field: CheckReasonField | null };

export interface WrittenReason {
  item: ListItem;
  warning: NoticeWarning | null;
}

/**
 * One refusal reason as the applicant reads it: the office's sentence for its code and a line with
 * what the form says and what the document says. A code with no sentence still yields a readable
 * item (the identity check's own sentence, or a generic one naming the field) plus a warning, so the
 * notice stays printable and the clerk knows to check it.
 */
export function writeReason(reason: NoticeReason, templates: ReasonTemplates): WrittenReason {
  const known = Object.prototype.hasOwnProperty.call(templates.sentences, reason.code);
  const values = {
    campo: reason.field === null ? templates.fieldUnknown : (templates.fields[reason.field] ?? reason.field),
    codice: reason.code,
    valoreModulo: quoted(reason.formValue),
    valoreDocumento: quoted(reason.documentValue),
  };
  const sentence = known
    ? templates.sentences[reason.code]
    : reason.message.trim() || (reason.field === null ? templates.fallbackNoField : templates.fallback);
  return {
    item: { text: fillTemplate(sentence, values).text, details: comparisonLine(reason, templates, values) },
    warning: known ? null : { code: 'reason-without-template', messageKey: 'notices.warning.reasonWithoutTemplate', params: { code: reason.code } },
  };
}

function comparisonLine(reason: NoticeReason, templates: ReasonTemplates, values: Record<string, string>): string[] {
  const hasForm = reason.formValue !== null && reason.formValue.trim() !== '';
  const hasDocument = reason.documentValue !== null && reason.documentValue.trim() !== '';
  const template = hasForm && hasDocument ? templates.comparison.both : hasForm ? templates.comparison.formOnly : hasDocument ? templates.comparison.documentOnly : null;
  return template === null ? [] : [fillTemplate(template, values).text];
}

/** Values as the applicant reads them: ISO dates of the check become dd/mm/yyyy. */
function quoted(value: string | null): string {
  if (value === null) return '';
  return `«${isIsoDate(value) ? isoToItalianDate(value) : value}»`;
}

/**
 * The reasons of a refusal: every reason of the check that the clerk kept, then any code of the
 * decision that the check did not produce (chosen by the clerk), which has no values to compare.
 */
export function refusalReasons(reasonCodes: readonly string[], checkReasons: readonly NoticeReason[]): NoticeReason[] {
  const kept = checkReasons.filter((r) => reasonCodes.includes(r.code));
  const extra = reasonCodes
    .filter((code) => !checkReasons.some((r) => r.code === code))
    .map((code): NoticeReason => ({ code, field: null, formValue: null, documentValue: null, message: '' }));
  return [...kept, ...extra];
}
