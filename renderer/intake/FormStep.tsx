import { useEffect, useRef, useState } from 'react';
import type { FormFieldName, FormFieldValue } from '../../shared/case/form-fields';
import { missingRequiredFields, requiredFields, visibleSections } from '../../shared/intake/required-fields';
import { useTranslation } from '../i18n/use-translation';
import { FormProfileNote } from './FormProfileNote';
import { HandwritingSuggestion } from './HandwritingSuggestion';
import { ReadingStatus } from './ReadingStatus';
import { RegionImage } from './RegionImage';
import { PrefilledFormPanel } from '../documents/PrefilledFormPanel';
import { useIntake } from './intake-session';

const AUTOSAVE_MS = 400;

/**
 * One form value: editable, saved as the clerk types, with where it came from and how sure it is;
 * while empty, the value read from the handwriting as a suggestion.
 */
function FormField({ field, stored, required }: { field: FormFieldName; stored: FormFieldValue | undefined; required: boolean }) {
  const t = useTranslation();
  const saveField = useIntake((s) => s.saveField);
  const region = useIntake((s) => s.regions.form[field] ?? null);
  const suggestion = useIntake((s) => s.formProposals.suggestions[field]);
  const [value, setValue] = useState(stored?.value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = `form-${field}`;

  function flush(next: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (next === (stored?.value ?? '')) return;
    void saveField(field, next === '' ? null : { value: next, source: 'clerk', confidence: 1 });
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // A value proposed by the automatic reading arrives after the field was shown: take it, unless
  // the clerk is typing.
  const storedValue = stored?.value ?? '';
  useEffect(() => {
    if (!timer.current) setValue(storedValue);
  }, [storedValue]);

  const source = stored && stored.source !== 'clerk' ? stored : null;
  const suggested = suggestion && value === '' && !stored ? suggestion : null;
  const describedBy = [source && `${id}-source`, suggested && `${id}-suggestion`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {t(`form.field.${field}`)}
        {required && <span className="required"> ({t('intake.form.required')})</span>}
      </label>
      <input
        id={id}
        value={value}
        aria-required={required}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => flush(next), AUTOSAVE_MS);
        }}
        onBlur={() => flush(value)}
      />
      {source && (
        <span id={`${id}-source`} className={`field-source${source.confidence < 0.9 ? ' low-confidence' : ''}`}>
          {t('intake.form.source', { source: t(`intake.source.${source.source}`) })}, {t('intake.form.confidence', { percent: Math.round(source.confidence * 100) })}
          {/* Off a scan only the codice fiscale's check letter (and what it encodes) can confirm a value; the rest waits for the check against the ID. */}
          {source.source === 'ocr' && source.confidence < 0.9 && <strong className="to-verify"> — {t('intake.form.toVerify')}</strong>}
        </span>
      )}
      {suggested && <HandwritingSuggestion field={field} suggestion={suggested} id={`${id}-suggestion`} />}
      {(source || suggested) && <RegionImage region={region} label={t('intake.region.form', { field: t(`form.field.${field}`) })} />}
    </div>
  );
}

/** Step 3: the applicant's data as on the form, every value editable. */
export function FormStep() {
  const t = useTranslation();
  const record = useIntake((s) => s.record);
  if (!record) return null;
  const required = new Set(requiredFields(record.profile));
  const missing = missingRequiredFields(record.profile, record.form);
  return (
    <div aria-labelledby="form-heading">
      <h3 id="form-heading">{t('intake.step.form')}</h3>
      <ReadingStatus />
      <FormProfileNote />
      {visibleSections(record.profile).map((section) => (
        <fieldset key={section.id} className="panel form-section">
          <legend>{t(`intake.section.${section.id}` as Parameters<typeof t>[0])}</legend>
          <div className="form-grid">
            {section.fields.map((field) => (
              <FormField key={field} field={field} stored={record.form[field]} required={required.has(field)} />
            ))}
          </div>
        </fieldset>
      ))}
      {missing.length > 0 && (
        <p className="message-error" role="status">
          {t('intake.form.missing', { fields: missing.map((f) => t(`form.field.${f}`)).join(', ') })}
        </p>
      )}
      <PrefilledFormPanel record={record} />
    </div>
  );
}
