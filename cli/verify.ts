/** `verify`: the form of form.json against the reading, with the same check the app uses. */
import { z } from 'zod';
import { verifyIdentity } from '../shared/identity/form-id-check';
import type { FormIdentity, IdentityCheck, IdDocumentReading } from '../shared/identity/types';

const optionalText = z.string().nullable().optional().transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v));

const formJson = z.object({
  surname: optionalText,
  givenNames: optionalText,
  birthDate: optionalText,
  sex: z.enum(['M', 'F']).nullable().optional().transform((v) => v ?? null),
  birthPlace: optionalText,
  birthProvince: optionalText,
  fiscalCode: optionalText,
});

export class FormFileError extends Error {}

export function parseFormJson(value: unknown): FormIdentity {
  const parsed = formJson.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || 'modulo').join(', ');
    throw new FormFileError(`Il modulo in form.json non è valido (campi: ${where}). Atteso: {"surname", "givenNames", "birthDate" (AAAA-MM-GG), "sex" ("M"|"F"), "birthPlace", "birthProvince", "fiscalCode"}.`);
  }
  return parsed.data;
}

export function verifyAgainstForm(form: FormIdentity, reading: IdDocumentReading, today: string): Promise<IdentityCheck> {
  return verifyIdentity(form, reading, today);
}
