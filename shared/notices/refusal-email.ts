import type { CaseRecord } from '../case/case';
import { caseValues, type OfficeSettings } from './case-values';
import { buildEml } from './eml';
import { chooseRecipient, type MailRecipient } from './mail-address';
import { refusalReasons, writeReason, type NoticeReason } from './reason-sentences';
import { assertComplete } from './receipt';
import { fillTemplate } from './template';
import { templatesIt, type NoticeTemplates } from './templates';
import type { NoticeWarning } from './warnings';

export interface RefusalEmailInput {
  record: CaseRecord;
  office: OfficeSettings;
  reasons: readonly NoticeReason[];
  now: Date;
  /** The refusal notice PDF, attached to the message. */
  noticePdf: { fileName: string; bytes: Uint8Array };
}

export interface RefusalEmail {
  /** The draft, or null when the applicant gave no usable address (see `warnings`). */
  eml: string | null;
  fileName: string;
  recipient: MailRecipient | null;
  warnings: NoticeWarning[];
}

/**
 * The refusal as an `.eml` draft to the applicant's PEC or e-mail, the notice PDF attached. With no
 * valid address there is no draft, only warnings: the printed notice is then the way to hand it over.
 */
export function buildRefusalEmail(input: RefusalEmailInput, templates: NoticeTemplates = templatesIt): RefusalEmail {
  const { recipient, warnings } = chooseRecipient(input.record.form);
  const fileName = `avviso-rifiuto-${input.record.number}.eml`;
  if (!recipient) return { eml: null, fileName, recipient, warnings };
  const { values } = caseValues(input.record, input.office, templates.labels, input.now);
  const codes = input.record.decision?.reasonCodes ?? [];
  const reasonLines = refusalReasons(codes, input.reasons)
    .map((reason) => writeReason(reason, templates.reasons).item)
    .map((item, i) => [`${i + 1}. ${item.text}`, ...item.details.map((d) => `   ${d}`)].join('\n'));
  const note = values.note === '' ? [] : [`Note dell'operatore: ${values.note}`];
  const subject = fillTemplate(templates.refusalEmail.subject, values);
  const body = fillTemplate(templates.refusalEmail.body, { ...values, motivi: [...reasonLines, ...note].join('\n') });
  assertComplete([...subject.missing, ...body.missing], templates.refusalEmail.id);
  const eml = buildEml({
    to: { name: values.richiedente === templates.labels.notProvided ? '' : values.richiedente, address: recipient.address },
    from: null,
    subject: subject.text,
    text: body.text,
    attachments: [{ fileName: input.noticePdf.fileName, contentType: 'application/pdf', data: input.noticePdf.bytes }],
    date: input.now,
    boundarySeed: input.record.id,
  });
  return { eml, fileName, recipient, warnings };
}
