import { z } from 'zod';
import { FIELD_SOURCES } from '../identity/types';

/**
 * The stable AcroForm text-field names of the application form (DOMAIN.md). Every module that
 * reads, shows, checks or sends form values keys them by these names, so a new official template
 * only needs a mapping onto them.
 */
export const FORM_FIELD_NAMES = [
  'cognome',
  'nome',
  'codice_fiscale',
  'sesso',
  'data_nascita',
  'comune_nascita',
  'provincia_nascita',
  'stato_estero_nascita',
  'cittadinanza',
  'indirizzo_residenza',
  'cap_residenza',
  'comune_residenza',
  'provincia_residenza',
  'telefono',
  'cellulare',
  'email',
  'pec',
  'ordine_provincia',
  'ordine_numero',
  'struttura_denominazione',
  'struttura_codice',
  'struttura_indirizzo',
  'struttura_pec',
  'ruolo_struttura',
  'documento_tipo',
  'documento_numero',
  'documento_rilasciato_da',
  'documento_data_rilascio',
  'documento_data_scadenza',
  'luogo_data',
] as const;

export const FormFieldName = z.enum(FORM_FIELD_NAMES);
export type FormFieldName = z.infer<typeof FormFieldName>;

/** Where a value came from: the vocabulary of the document readings. */
export const FieldSource = z.enum(FIELD_SOURCES);
export type FieldSource = z.infer<typeof FieldSource>;

export const FormFieldValue = z
  .object({
    value: z.string().max(500),
    source: FieldSource,
    /** 0..1; exact sources (AcroForm, a value typed by the clerk) are 1. */
    confidence: z.number().min(0).max(1),
  })
  .strict();
export type FormFieldValue = z.infer<typeof FormFieldValue>;

export const FormValues = z.partialRecord(FormFieldName, FormFieldValue);
export type FormValues = z.infer<typeof FormValues>;
