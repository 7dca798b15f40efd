/**
 * What the form's reading gives the wizard. Exact (AcroForm) and typed scanned values prefill the
 * form fields; handwritten values only become suggestions the clerk may accept one by one; the
 * ticked profile is proposed for the case; the reading's warnings are shown.
 */
import { Profile } from '../case/case';
import { FORM_FIELD_NAMES, type FormFieldName, type FormFieldValue } from '../case/form-fields';
import type { FormReading } from '../document-reading/form-reading';
import type { FieldSource } from '../identity/types';

export interface HandwritingSuggestion {
  value: string;
  confidence: number;
}

export interface FormProposals {
  /** Handwritten values, never prefilled: shown next to their field until the clerk uses one. */
  suggestions: Partial<Record<FormFieldName, HandwritingSuggestion>>;
  /** The profile requested on the form, when it could be read (exactly one box ticked). */
  profile: { value: Profile; source: FieldSource; confidence: number } | null;
  /** True when the case had no profile and took this one. */
  profileApplied: boolean;
  /** Codes of the reading's warnings (`documentReading.warning.<code>`). */
  warnings: string[];
}

export const NO_PROPOSALS: FormProposals = { suggestions: {}, profile: null, profileApplied: false, warnings: [] };

const isCaseField = (name: string): name is FormFieldName => (FORM_FIELD_NAMES as readonly string[]).includes(name);

/** The values that prefill the form: every value read except handwritten ones. */
export function prefilledValues(reading: FormReading): Partial<Record<FormFieldName, FormFieldValue>> {
  const values: Partial<Record<FormFieldName, FormFieldValue>> = {};
  for (const [name, field] of Object.entries(reading.fields)) {
    if (!field || !isCaseField(name) || field.writing === 'handwritten') continue;
    values[name] = { value: field.value, source: field.source, confidence: field.confidence };
  }
  return values;
}

export function formProposals(reading: FormReading): FormProposals {
  const suggestions: FormProposals['suggestions'] = {};
  for (const [name, field] of Object.entries(reading.fields)) {
    if (field && isCaseField(name) && field.writing === 'handwritten') suggestions[name] = { value: field.value, confidence: field.confidence };
  }
  const ticked = reading.fields.tipo_profilo;
  const profile = ticked && Profile.safeParse(ticked.value).success ? { value: ticked.value as Profile, source: ticked.source, confidence: ticked.confidence } : null;
  return { suggestions, profile, profileApplied: false, warnings: reading.warnings.map((w) => w.code) };
}
