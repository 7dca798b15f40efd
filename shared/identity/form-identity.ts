/**
 * The applicant's identity as declared on the application form, from its AcroForm field values
 * (DOMAIN.md field names). Values are kept as written, trimmed; a birth date that does not parse is
 * kept as written so that the check reports it with the applicant's own text instead of dropping it.
 */
import { parseDocumentDate } from './dates';
import { normaliseFiscalCode } from './fiscal-code';
import type { FormIdentity, Sex } from './types';

/** The province code the form uses for people born abroad. */
export const FOREIGN_BIRTH_PROVINCE = 'EE';

function text(values: Record<string, string>, name: string): string | null {
  const value = values[name];
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

function sexOf(value: string | null): Sex | null {
  const v = value?.toUpperCase();
  if (v === 'M' || v === 'MASCHIO') return 'M';
  if (v === 'F' || v === 'FEMMINA') return 'F';
  return null;
}

export function formIdentityFromAcroForm(values: Record<string, string>): FormIdentity {
  const province = text(values, 'provincia_nascita')?.toUpperCase() ?? null;
  const bornAbroad = province === FOREIGN_BIRTH_PROVINCE;
  const birthDate = text(values, 'data_nascita');
  const fiscalCode = text(values, 'codice_fiscale');
  return {
    surname: text(values, 'cognome'),
    givenNames: text(values, 'nome'),
    birthDate: birthDate === null ? null : (parseDocumentDate(birthDate) ?? birthDate),
    sex: sexOf(text(values, 'sesso')),
    birthPlace: bornAbroad ? (text(values, 'stato_estero_nascita') ?? text(values, 'comune_nascita')) : text(values, 'comune_nascita'),
    birthProvince: province,
    fiscalCode: fiscalCode === null ? null : normaliseFiscalCode(fiscalCode),
  };
}
