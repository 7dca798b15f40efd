import { z } from 'zod';
import { DocumentTemplate } from './document-template';
import receiptJson from '../../resources/templates/ricevuta.it.json';
import refusalNoticeJson from '../../resources/templates/avviso-rifiuto.it.json';
import refusalEmailJson from '../../resources/templates/email-rifiuto.it.json';
import reasonsJson from '../../resources/templates/motivi.it.json';
import labelsJson from '../../resources/templates/etichette.it.json';

export const EmailTemplate = z
  .object({ id: z.string(), language: z.literal('it'), subject: z.string().min(1).max(200), body: z.string().min(1) })
  .strict();
export type EmailTemplate = z.infer<typeof EmailTemplate>;

/**
 * One sentence per stable reason code (shared/identity/reasons.ts), which may name the field as
 * `{campo}`, plus the line comparing the two values.
 */
export const ReasonTemplates = z
  .object({
    id: z.string(),
    language: z.literal('it'),
    /** The line under a reason with the two values, or the one that exists. */
    comparison: z.object({ both: z.string().min(1), formOnly: z.string().min(1), documentOnly: z.string().min(1) }).strict(),
    fallback: z.string().min(1),
    fallbackNoField: z.string().min(1),
    /** `{campo}` of a reason the clerk chose without a check behind it. */
    fieldUnknown: z.string().min(1),
    sentences: z.record(z.string().regex(/^[A-Z0-9_]+$/), z.string().min(1)),
    fields: z.record(z.string(), z.string().min(1)),
  })
  .strict();
export type ReasonTemplates = z.infer<typeof ReasonTemplates>;

export const DocumentLabels = z
  .object({
    id: z.string(),
    language: z.literal('it'),
    profiles: z.object({ MEDICO_ESTERNO: z.string(), MEDICO_OSPEDALIERO: z.string(), REFERENTE_STRUTTURA: z.string() }).strict(),
    profileMissing: z.string().min(1),
    received: z.object({ modulo: z.string(), 'documento-fronte': z.string(), 'documento-retro': z.string() }).strict(),
    documentDetail: z.string().min(1),
    notProvided: z.string().min(1),
    officeMissing: z.string().min(1),
  })
  .strict();
export type DocumentLabels = z.infer<typeof DocumentLabels>;

/**
 * The shipped Italian templates, validated when first imported: a malformed template file fails at
 * start-up and in the template tests, never halfway through printing a notice.
 */
export const templatesIt = {
  receipt: DocumentTemplate.parse(receiptJson),
  refusalNotice: DocumentTemplate.parse(refusalNoticeJson),
  refusalEmail: EmailTemplate.parse(refusalEmailJson),
  reasons: ReasonTemplates.parse(reasonsJson),
  labels: DocumentLabels.parse(labelsJson),
};
export type NoticeTemplates = typeof templatesIt;
