import type { Profile } from '../case/case';
import type { FormFieldName, FormValues } from '../case/form-fields';

/** The form's sections in the order the clerk sees them (DOMAIN.md). */
export const FORM_SECTIONS: { id: string; fields: FormFieldName[] }[] = [
  { id: 'applicant', fields: ['cognome', 'nome', 'codice_fiscale', 'sesso', 'data_nascita', 'comune_nascita', 'provincia_nascita', 'stato_estero_nascita', 'cittadinanza'] },
  { id: 'residence', fields: ['indirizzo_residenza', 'cap_residenza', 'comune_residenza', 'provincia_residenza', 'telefono', 'cellulare', 'email', 'pec'] },
  { id: 'professional', fields: ['ordine_provincia', 'ordine_numero'] },
  { id: 'hospital', fields: ['struttura_denominazione', 'struttura_codice', 'struttura_indirizzo', 'struttura_pec', 'ruolo_struttura'] },
  { id: 'document', fields: ['documento_tipo', 'documento_numero', 'documento_rilasciato_da', 'documento_data_rilascio', 'documento_data_scadenza'] },
  { id: 'closing', fields: ['luogo_data'] },
];

const PERSON: FormFieldName[] = ['cognome', 'nome', 'codice_fiscale', 'sesso', 'data_nascita', 'cittadinanza'];
const RESIDENCE: FormFieldName[] = ['indirizzo_residenza', 'cap_residenza', 'comune_residenza', 'provincia_residenza'];
const DOCUMENT: FormFieldName[] = ['documento_tipo', 'documento_numero', 'documento_rilasciato_da', 'documento_data_rilascio', 'documento_data_scadenza'];
const ORDINE: FormFieldName[] = ['ordine_provincia', 'ordine_numero'];
const HOSPITAL: FormFieldName[] = ['struttura_denominazione', 'struttura_codice', 'struttura_indirizzo', 'struttura_pec', 'ruolo_struttura'];

/**
 * Fields the profile requires. Doctors are registered with an Ordine dei Medici; a hospital
 * representative names the hospital and their role in it. (The facsimile's rules: unverified
 * against the official INAIL form, see DOMAIN.md.)
 */
export function requiredFields(profile: Profile | null): FormFieldName[] {
  const common = [...PERSON, ...RESIDENCE, ...DOCUMENT, 'luogo_data' as const];
  switch (profile) {
    case 'MEDICO_ESTERNO':
      return [...common, ...ORDINE];
    case 'MEDICO_OSPEDALIERO':
      return [...common, ...ORDINE, 'struttura_denominazione'];
    case 'REFERENTE_STRUTTURA':
      return [...common, ...HOSPITAL];
    default:
      return common;
  }
}

/** Sections shown for a profile: hospital data only where it applies, Ordine only for doctors. */
export function visibleSections(profile: Profile | null): typeof FORM_SECTIONS {
  return FORM_SECTIONS.filter((s) => {
    if (s.id === 'professional') return profile !== 'REFERENTE_STRUTTURA';
    if (s.id === 'hospital') return profile === 'REFERENTE_STRUTTURA' || profile === 'MEDICO_OSPEDALIERO';
    return true;
  });
}

const filled = (form: FormValues, field: FormFieldName) => (form[field]?.value ?? '').trim() !== '';

/**
 * Required fields still empty. Birth place is either comune + province, or EE + foreign state;
 * a contact is either an e-mail or a PEC (the refusal notice must reach the applicant).
 */
export function missingRequiredFields(profile: Profile | null, form: FormValues): FormFieldName[] {
  const missing = requiredFields(profile).filter((f) => !filled(form, f));
  const bornAbroad = (form.provincia_nascita?.value ?? '').trim().toUpperCase() === 'EE';
  if (bornAbroad) {
    if (!filled(form, 'stato_estero_nascita')) missing.push('stato_estero_nascita');
  } else {
    for (const f of ['comune_nascita', 'provincia_nascita'] as const) if (!filled(form, f)) missing.push(f);
  }
  if (!filled(form, 'email') && !filled(form, 'pec')) missing.push('pec');
  return missing;
}
