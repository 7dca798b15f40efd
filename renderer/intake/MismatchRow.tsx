import { useState } from 'react';
import type { CheckReason, IdDocumentField } from '../../shared/identity/types';
import { isJustified, isOverridable, type CheckOverride } from '../../shared/intake/check-overrides';
import { useTranslation } from '../i18n/use-translation';
import { formRegionFor } from '../../shared/intake/read-regions';
import { RegionImage } from './RegionImage';
import { shownValue } from './shown-value';
import { useIntake } from './intake-session';

const DOCUMENT_FIELDS = new Set(['surname', 'givenNames', 'sex', 'birthDate', 'birthPlace', 'fiscalCode', 'documentNumber', 'issueDate', 'expiryDate', 'nationality']);

/**
 * One disagreement, side by side. A misread value is corrected (audited as an OCR correction); a
 * real difference can only be declared a match with a written justification (audited too).
 */
export function MismatchRow({ reason, override }: { reason: CheckReason; override: CheckOverride | undefined }) {
  const t = useTranslation();
  const correctDocumentValue = useIntake((s) => s.correctDocumentValue);
  const overrideMismatch = useIntake((s) => s.overrideMismatch);
  const [mode, setMode] = useState<'idle' | 'correct' | 'override'>('idle');
  const [value, setValue] = useState(reason.documentValue ?? '');
  const [justification, setJustification] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldLabel = t(`intake.check.field.${reason.field}`);
  const id = `${reason.code}-${reason.field}`;
  const correctable = DOCUMENT_FIELDS.has(reason.field);
  const regions = useIntake((s) => s.regions);
  const form = useIntake((s) => s.record?.form);
  const documentSource = useIntake((s) => s.documentReading?.fieldSources[reason.field as IdDocumentField]);
  // A value the clerk typed or corrected was read from nowhere: no region for it.
  const formRegion = formRegionFor(reason.field, regions.form, (name) => form?.[name]?.source === 'clerk');
  const documentRegion = correctable && documentSource !== 'clerk' ? (regions.document[reason.field as IdDocumentField] ?? null) : null;

  async function confirmOverride() {
    if (!isJustified(justification)) return setProblem(t('intake.check.justificationTooShort'));
    setProblem(null);
    if (await overrideMismatch({ code: reason.code, field: reason.field, justification })) setMode('idle');
  }

  return (
    <tr data-code={reason.code} data-overridden={override ? 'true' : undefined}>
      <th scope="row">{fieldLabel}</th>
      <td>
        {shownValue(reason.formValue)}
        <RegionImage region={formRegion} label={t('intake.region.form', { field: fieldLabel })} />
      </td>
      <td>
        {shownValue(reason.documentValue)}
        <RegionImage region={documentRegion} label={t('intake.region.document', { field: fieldLabel })} />
      </td>
      <td>
        <p>{reason.message}</p>
        {override ? (
          <p className="message-ok">{t('intake.check.overridden', { justification: override.justification })}</p>
        ) : (
          <div className="actions">
            {reason.code === 'FIELD_UNCONFIRMED' && reason.documentValue !== null && correctable && (
              <button type="button" onClick={() => void correctDocumentValue(reason.field as IdDocumentField, reason.documentValue as string)}>
                {t('intake.check.confirmRead')}
              </button>
            )}
            {correctable && (
              <button type="button" onClick={() => setMode('correct')}>
                {t('intake.check.correct')}
              </button>
            )}
            {isOverridable(reason) && (
              <button type="button" onClick={() => setMode('override')}>
                {t('intake.check.override')}
              </button>
            )}
          </div>
        )}
        {mode === 'correct' && (
          <div className="field">
            <label htmlFor={`correct-${id}`}>{t('intake.check.correctLabel', { field: fieldLabel })}</label>
            <input id={`correct-${id}`} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
            <button type="button" onClick={() => void correctDocumentValue(reason.field as IdDocumentField, value).then(() => setMode('idle'))}>
              {t('intake.check.saveCorrection')}
            </button>
          </div>
        )}
        {mode === 'override' && (
          <div className="field">
            <label htmlFor={`justify-${id}`}>{t('intake.check.justification')}</label>
            <textarea id={`justify-${id}`} value={justification} onChange={(e) => setJustification(e.target.value)} rows={2} autoFocus />
            <button type="button" onClick={() => void confirmOverride()}>
              {t('intake.check.confirmOverride')}
            </button>
            {problem && (
              <p role="alert" className="message-error">
                {problem}
              </p>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
