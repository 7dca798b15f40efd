/**
 * Template mapping of an application form: where each AcroForm field, each box of a choice field
 * (the profile's tick boxes) and the signature box sit on the page, in PDF points from the top-left corner. The facsimile ships one; the official INAIL PDF
 * becomes another JSON file of this shape, without code changes.
 */
import { z } from 'zod';
import { FORM_FIELD_NAMES as CASE_FORM_FIELD_NAMES } from '../case/form-fields';

/** Every AcroForm field of the form: the case's text fields plus the profile radio group. */
export const FORM_FIELD_NAMES = ['tipo_profilo', ...CASE_FORM_FIELD_NAMES] as const;

export type FormFieldName = (typeof FORM_FIELD_NAMES)[number];

const zone = z.object({ page: z.number().int().min(1), x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() });

export const formTemplateSchema = z
  .object({
    id: z.string().min(1),
    description: z.string(),
    pageSize: z.object({ width: z.number().positive(), height: z.number().positive() }),
    pages: z.number().int().min(1),
    fields: z.record(z.enum(FORM_FIELD_NAMES), zone),
    signature: zone,
    /** Export values of choice fields as the PDF stores them (pdf-lib numbers radio options) → form values. */
    options: z.partialRecord(z.enum(FORM_FIELD_NAMES), z.record(z.string(), z.string())).default({}),
    /** The tick box of each option of a choice field (form value → box), for reading it off a scan. */
    choiceBoxes: z.partialRecord(z.enum(FORM_FIELD_NAMES), z.record(z.string(), zone)).default({}),
  })
  .superRefine((template, ctx) => {
    for (const [field, boxes] of Object.entries(template.choiceBoxes)) {
      const values = new Set(Object.values(template.options[field as FormFieldName] ?? {}));
      for (const value of Object.keys(boxes ?? {})) {
        if (!values.has(value)) ctx.addIssue({ code: 'custom', path: ['choiceBoxes', field, value], message: `${value} is not an option of ${field}` });
      }
      if (Object.keys(boxes ?? {}).length < 2) ctx.addIssue({ code: 'custom', path: ['choiceBoxes', field], message: 'a choice needs a box for at least two options' });
    }
  });

export type TemplateZone = z.infer<typeof zone>;
export type FormTemplate = z.output<typeof formTemplateSchema>;

/**
 * Validates a template mapping file: every field name of the form must be mapped (zod's record over
 * the enum), and every tick box must name an option of its field.
 */
export function parseFormTemplate(json: unknown): FormTemplate {
  return formTemplateSchema.parse(json);
}
