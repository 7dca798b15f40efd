import type { CheckReason, CheckReasonField } from '../identity/types';
import type { ListItem } from './document-template';
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
  const sentence = known ? templates.sentences[reason.code] : reason.message.trim() || fallbackSentence(reason, templates);
  const details =
    reason.formValue === null && reason.documentValue === null
      ? []
      : [
          fillTemplate(templates.comparison, {
            valoreModulo: quoted(reason.formValue, templates.valueMissing),
            valoreDocumento: quoted(reason.documentValue, templates.valueMissing),
          }).text,
        ];
  return {
    item: { text: sentence, details },
    warning: known ? null : { code: 'reason-without-template', messageKey: 'notices.warning.reasonWithoutTemplate', params: { code: reason.code } },
  };
}

function fallbackSentence(reason: NoticeReason, templates: ReasonTemplates): string {
  if (reason.field === null) return fillTemplate(templates.fallbackNoField, { codice: reason.code }).text;
  return fillTemplate(templates.fallback, { campo: templates.fields[reason.field] ?? reason.field, codice: reason.code }).text;
}

function quoted(value: string | null, missing: string): string {
  return value === null || value.trim() === '' ? missing : `«${value}»`;
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
