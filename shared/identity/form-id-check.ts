/**
 * The form-versus-ID check: the applicant's data on the form against the identity document read
 * by OCR (or typed by the clerk), plus the codice fiscale against both. Every disagreement becomes
 * a reason with a stable code, both values and an Italian sentence; a field that could not be read
 * is reported as such and never counts as a match.
 */
import { isIsoDate, parseDocumentDate } from './dates';
import { assessDocumentValidity } from './document-validity';
import { FOREIGN_BIRTH_PROVINCE } from './form-identity';
import {
  fiscalCodeConsistency,
  normaliseFiscalCode,
  parseFiscalCode,
  resolveBirthPlaces,
  type BelfiorePlaces,
  type FiscalCodeReading,
  type PersonData,
} from './fiscal-code';
import { compareNames, normaliseName } from './names';
import { placeMentions, placeNamesMatch } from './place-names';
import { makeReason, outcomeOf, type FiscalCodePart, type ReasonCode } from './reasons';
import type { CheckReason, DocumentType, FormIdentity, IdDocumentField, IdDocumentReading, IdentityCheck, Sex } from './types';

type PersonalField = 'surname' | 'givenNames' | 'birthDate' | 'sex' | 'birthPlace';

const MISMATCH_CODE: Record<PersonalField, ReasonCode> = {
  surname: 'SURNAME_MISMATCH',
  givenNames: 'GIVEN_NAMES_MISMATCH',
  birthDate: 'BIRTH_DATE_MISMATCH',
  sex: 'SEX_MISMATCH',
  birthPlace: 'BIRTH_PLACE_MISMATCH',
};

/** Documents that carry the codice fiscale: when it was not read there, it is unreadable, not absent. */
const CARRIES_FISCAL_CODE: readonly DocumentType[] = ['CIE', 'HEALTH_CARD'];

/** Length of the MRZ name field: a name filling it may have been cut short (ICAO 9303). */
const MRZ_NAME_LENGTH: Partial<Record<DocumentType, number>> = { CIE: 30, PASSPORT: 39, FOREIGN_ID: 30 };

/**
 * A document value counts only when something could have refuted it: a confirmation from the
 * reading, or the clerk who typed or confirmed it. Readings saved before confirmations existed
 * have none, so their values are all to be checked.
 */
export function isConfirmed(document: IdDocumentReading, field: IdDocumentField): boolean {
  return document.fieldSources[field] === 'clerk' || document.confirmedBy?.[field] !== undefined;
}

function blank(value: string | null | undefined): value is null | undefined {
  return value === null || value === undefined || value.trim() === '';
}

/** Whether the document's names come from an MRZ whose name field was full (so possibly truncated). */
function mrzNamesMayBeTruncated(document: IdDocumentReading): boolean {
  const limit = MRZ_NAME_LENGTH[document.documentType];
  const { surname, givenNames } = document.fields;
  if (limit === undefined || surname === null) return false;
  if (document.fieldSources.surname !== 'mrz' && document.fieldSources.givenNames !== 'mrz') return false;
  const encoded = `${normaliseName(surname)}<<${normaliseName(givenNames ?? '')}`;
  return encoded.length >= limit;
}

/** Both sides should already be ISO; a date still in a printed form is read, anything else is no date. */
function asIsoDate(value: string): string | null {
  return isIsoDate(value) ? value : parseDocumentDate(value);
}

function bornAbroad(form: FormIdentity): boolean {
  return form.birthProvince?.trim().toUpperCase() === FOREIGN_BIRTH_PROVINCE;
}

function fieldsAgree(field: PersonalField, formValue: string, documentValue: string, form: FormIdentity, document: IdDocumentReading): boolean {
  switch (field) {
    case 'surname':
      return compareNames(formValue, documentValue, { bMayBeTruncated: mrzNamesMayBeTruncated(document) }) !== 'different';
    case 'givenNames':
      return compareNames(formValue, documentValue, { anyOrder: true, bMayBeTruncated: mrzNamesMayBeTruncated(document) }) !== 'different';
    case 'birthDate': {
      const formDate = asIsoDate(formValue);
      return formDate !== null && formDate === asIsoDate(documentValue);
    }
    case 'sex':
      return formValue.trim().toUpperCase() === documentValue.trim().toUpperCase();
    case 'birthPlace':
      // Born abroad, the form names the state; the ID may print the city with the state in brackets.
      return placeNamesMatch(formValue, documentValue) || (bornAbroad(form) && placeMentions(documentValue, formValue));
  }
}

function comparePersonalData(form: FormIdentity, document: IdDocumentReading, documentUnreadable: boolean): CheckReason[] {
  const reasons: CheckReason[] = [];
  const fields: PersonalField[] = ['surname', 'givenNames', 'birthDate', 'sex', 'birthPlace'];
  for (const field of fields) {
    const formValue = form[field];
    const documentValue = document.fields[field];
    if (blank(formValue)) {
      reasons.push(makeReason({ code: 'REQUIRED_FIELD_EMPTY', field, documentValue }));
    } else if (blank(documentValue)) {
      // A document not recognised at all is one reason, not one per field.
      if (!documentUnreadable) reasons.push(makeReason({ code: 'FIELD_UNREADABLE', field, formValue }));
    } else if (!fieldsAgree(field, formValue, documentValue, form, document)) {
      // An unconfirmed value that differs may be a misreading, not a difference: the clerk looks first.
      const code = isConfirmed(document, field) ? MISMATCH_CODE[field] : 'FIELD_UNCONFIRMED';
      reasons.push(makeReason({ code, field, formValue, documentValue }));
    }
    // An unconfirmed value that agrees with the form is confirmed by it: two independent readings
    // (the applicant's form and the ID) do not come out the same by a misreading.
  }
  return reasons;
}

/** The person the codice fiscale must belong to: the document's data, the form's where the document is silent. */
function personFor(form: FormIdentity, document: IdDocumentReading): PersonData {
  const pick = <T extends string>(documentValue: T | null, formValue: T | null): T | null => (blank(documentValue) ? (blank(formValue) ? null : formValue) : documentValue);
  const formBirthDate = blank(form.birthDate) ? null : asIsoDate(form.birthDate);
  return {
    surname: pick(document.fields.surname, form.surname),
    givenNames: pick(document.fields.givenNames, form.givenNames),
    birthDate: pick(blank(document.fields.birthDate) ? null : asIsoDate(document.fields.birthDate), formBirthDate),
    sex: pick<Sex>(document.fields.sex, form.sex),
    birthPlace: pick(document.fields.birthPlace, form.birthPlace),
  };
}

function checkFiscalCode(form: FormIdentity, document: IdDocumentReading, today: string, places: BelfiorePlaces | null): CheckReason[] {
  if (blank(form.fiscalCode)) return [makeReason({ code: 'REQUIRED_FIELD_EMPTY', field: 'fiscalCode', documentValue: document.fields.fiscalCode })];
  const formValue = normaliseFiscalCode(form.fiscalCode);
  const reasons: CheckReason[] = [];
  const formCode = parseFiscalCode(formValue, { today, places });
  if (!formCode.wellFormed || formCode.birthDate === null) {
    reasons.push(makeReason({ code: 'FISCAL_CODE_INVALID', field: 'fiscalCode', formValue }));
  } else if (!formCode.checkLetterValid) {
    reasons.push(makeReason({ code: 'FISCAL_CODE_CHECK_LETTER', field: 'fiscalCode', formValue, expectedCheckLetter: formCode.expectedCheckLetter ?? undefined }));
  }

  const documentCode = blank(document.fields.fiscalCode) ? null : parseFiscalCode(document.fields.fiscalCode, { today });
  if (documentCode?.valid) {
    const code = isConfirmed(document, 'fiscalCode') ? 'FISCAL_CODE_MISMATCH' : 'FIELD_UNCONFIRMED';
    if (documentCode.normalised !== formValue) reasons.push(makeReason({ code, field: 'fiscalCode', formValue, documentValue: documentCode.normalised }));
  } else if (CARRIES_FISCAL_CODE.includes(document.documentType)) {
    // Read but invalid means misread: it must not be compared, nor silently skipped.
    reasons.push(makeReason({ code: 'FIELD_UNREADABLE', field: 'fiscalCode', formValue }));
  }

  if (formCode.wellFormed && formCode.birthDate !== null) reasons.push(...checkFiscalCodeAgainstPerson(formCode, form, document, places));
  return reasons;
}

function checkFiscalCodeAgainstPerson(code: FiscalCodeReading, form: FormIdentity, document: IdDocumentReading, places: BelfiorePlaces | null): CheckReason[] {
  const reasons: CheckReason[] = [];
  const formValue = code.normalised;
  const person = personFor(form, document);
  const consistency = fiscalCodeConsistency(code, person);
  // Once places are resolved, a place code the register does not know cannot be the person's place.
  const placeCodeUnknown = places !== null && code.birthPlace === null && !blank(person.birthPlace);
  // Born abroad, the code names the state, which the form states even when the ID prints only the city.
  if (consistency.birthPlace === 'mismatch' && code.birthPlace?.foreign && form.birthPlace && placeMentions(form.birthPlace, code.birthPlace.name)) {
    consistency.birthPlace = 'match';
  }
  for (const part of Object.keys(consistency) as FiscalCodePart[]) {
    if (consistency[part] === 'mismatch' || (part === 'birthPlace' && placeCodeUnknown)) {
      reasons.push(makeReason({ code: 'FISCAL_CODE_INCONSISTENT_WITH_PERSON', field: 'fiscalCode', formValue, documentValue: person[part], part }));
    }
  }
  const province = form.birthProvince?.trim().toUpperCase();
  const place = code.birthPlace;
  if (place && !place.foreign && province && province !== FOREIGN_BIRTH_PROVINCE && place.province !== province && consistency.birthPlace === 'match') {
    reasons.push(makeReason({ code: 'FISCAL_CODE_INCONSISTENT_WITH_PERSON', field: 'fiscalCode', formValue, documentValue: `${person.birthPlace} (${province})`, part: 'birthPlace' }));
  }
  return reasons;
}

/**
 * Compares the form with the document on `today` (YYYY-MM-DD). Outcome precedence:
 * document-invalid > mismatch > unreadable > match. Pass `places` from `resolveBirthPlaces` so the
 * codice fiscale's place is checked too (or use `verifyIdentity`, which does it).
 */
export function checkFormAgainstDocument(form: FormIdentity, document: IdDocumentReading, today: string, places: BelfiorePlaces | null = null): IdentityCheck {
  const validity = assessDocumentValidity(document, today);
  const documentUnreadable = validity.some((r) => r.code === 'DOCUMENT_UNREADABLE');
  const reasons = [...validity, ...comparePersonalData(form, document, documentUnreadable), ...checkFiscalCode(form, document, today, places)];
  return { outcome: outcomeOf(reasons), reasons };
}

/** `checkFormAgainstDocument` with the codice fiscale's Belfiore place looked up first. */
export async function verifyIdentity(form: FormIdentity, document: IdDocumentReading, today: string): Promise<IdentityCheck> {
  const places = await resolveBirthPlaces([form.fiscalCode, document.fields.fiscalCode], today);
  return checkFormAgainstDocument(form, document, today, places);
}
