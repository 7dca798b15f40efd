/**
 * Identity data as read from an ID document and as declared on the application form.
 * Every value is `null` when it was not read: callers must never fill a gap with a guess.
 */

/** `FOREIGN_ID`: another state's identity card or residence document with an MRZ (TD1 or TD2). */
export type DocumentType = 'CIE' | 'PASSPORT' | 'FOREIGN_ID' | 'DRIVING_LICENCE' | 'HEALTH_CARD' | 'PAPER_ID' | 'UNKNOWN';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['CIE', 'PASSPORT', 'FOREIGN_ID', 'DRIVING_LICENCE', 'HEALTH_CARD', 'PAPER_ID', 'UNKNOWN'];

export type Sex = 'M' | 'F';

export interface IdDocumentFields {
  surname: string | null;
  givenNames: string | null;
  sex: Sex | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  /** Comune name without the province, or the foreign state. */
  birthPlace: string | null;
  fiscalCode: string | null;
  documentNumber: string | null;
  /** YYYY-MM-DD */
  issueDate: string | null;
  /** YYYY-MM-DD */
  expiryDate: string | null;
  /** ISO 3166-1 alpha-3 as in the MRZ (ITA), when known. */
  nationality: string | null;
}

export type IdDocumentField = keyof IdDocumentFields;

export const ID_DOCUMENT_FIELDS: readonly IdDocumentField[] = [
  'surname',
  'givenNames',
  'sex',
  'birthDate',
  'birthPlace',
  'fiscalCode',
  'documentNumber',
  'issueDate',
  'expiryDate',
  'nationality',
];

/**
 * Where a value came from. `viz` is the printed (visual inspection zone) text of an ID document,
 * `ocr` is OCR of a form zone, `acroform` a digitally filled PDF field, `clerk` a value typed or
 * corrected by the clerk.
 */
export type FieldSource = 'mrz' | 'barcode' | 'viz' | 'acroform' | 'ocr' | 'clerk';

export const FIELD_SOURCES: readonly FieldSource[] = ['mrz', 'barcode', 'viz', 'acroform', 'ocr', 'clerk'];

export type DocumentSide = 'front' | 'back';

export interface ReadingWarning {
  code: string;
  message: string;
}

/**
 * What confirmed a value, i.e. could have refuted it and did not: MRZ or codice fiscale check
 * digits, what the codice fiscale encodes, or two independent sources that agree. A value without
 * one is unconfirmed: shown "da verificare" and never counted as a match by the check.
 */
export type Confirmation = 'check-digits' | 'fiscal-code' | 'two-sources';

export interface IdDocumentReading {
  documentType: DocumentType;
  fields: IdDocumentFields;
  fieldSources: Partial<Record<IdDocumentField, FieldSource>>;
  /** 0..1 per field: 1 for confirmed values; unconfirmed ones stay below 0.9. */
  confidence: Partial<Record<IdDocumentField, number>>;
  /** Per field, what confirmed it; absent in readings saved before confirmation existed. */
  confirmedBy?: Partial<Record<IdDocumentField, Confirmation>>;
  sidesSeen: DocumentSide[];
  warnings: ReadingWarning[];
}

/** The applicant's personal data as declared on the application form. */
export interface FormIdentity {
  surname: string | null;
  givenNames: string | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  sex: Sex | null;
  /** Comune of birth, or the foreign state when born abroad. */
  birthPlace: string | null;
  /** Province code (RM), or EE when born abroad. */
  birthProvince: string | null;
  fiscalCode: string | null;
}

export type CheckOutcome = 'match' | 'mismatch' | 'document-invalid' | 'unreadable';

export type CheckReasonField = IdDocumentField | 'signature' | 'document';

export interface CheckReason {
  /** Stable code from `REASON_CODES` (shared/identity/reasons.ts). */
  code: string;
  field: CheckReasonField;
  formValue: string | null;
  documentValue: string | null;
  /** Italian sentence fit for a refusal email/PEC. */
  message: string;
}

export interface IdentityCheck {
  outcome: CheckOutcome;
  reasons: CheckReason[];
}

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** What happened to the raw lines before they parsed with valid check digits. */
export type MrzRepairStatus = 'exact' | 'corrected' | 'repaired' | 'ambiguous' | 'unrepairable';

export interface MrzReading {
  format: MrzFormat;
  documentType: DocumentType;
  /** Fields in IdDocumentFields terms; an MRZ never carries birthPlace, and fiscalCode only when present in the optional data. */
  fields: IdDocumentFields;
  /**
   * Per field: true when the value is given. Document number and dates are covered by their check
   * digits; names, sex and nationality by no check digit, only by their shape and closed lists.
   */
  valid: Partial<Record<IdDocumentField, boolean>>;
  /** All check digits hold. */
  allChecksValid: boolean;
  /** The name field was filled to the last position: names may be cut short. */
  truncatedName: boolean;
  repair: MrzRepairStatus;
  /**
   * The check digits were used to choose characters (a line one character off, a confusable
   * substituted): they then no longer confirm the values on their own.
   */
  guessed: boolean;
  /** The document number reads as well with every one of a look-alike pair swapped (ZZ/22): its check digit cannot tell them apart. */
  documentNumberAmbiguous: boolean;
  /** The birth year's century was inferred (both centuries give a living person's age). */
  birthCenturyInferred: boolean;
  /** The lines after correction and repair; a line that could not be repaired, as read. */
  lines: string[];
  /** Issuing state (ITA). */
  issuingState: string | null;
}
