import { memo } from 'react';
import { isConfirmed } from '../../shared/identity/form-id-check';
import { ID_DOCUMENT_FIELDS, type IdDocumentField } from '../../shared/identity/types';
import { useTranslation } from '../i18n/use-translation';
import { RegionImage } from './RegionImage';
import { useIntake } from './intake-session';
import { shownValue } from './shown-value';

const COMPARED = new Set<IdDocumentField>(['surname', 'givenNames', 'birthDate', 'sex', 'birthPlace', 'fiscalCode']);

/**
 * What was read from the ID, value by value: where from, how sure, and the piece of scan it came
 * from. Memoised (no props): it re-renders when the reading changes, not on every field the form saves.
 */
export const DocumentFields = memo(function DocumentFields() {
  const t = useTranslation();
  const reading = useIntake((s) => s.documentReading);
  const regions = useIntake((s) => s.regions.document);
  const identityCheck = useIntake((s) => s.identityCheck);
  const read = reading ? ID_DOCUMENT_FIELDS.filter((field) => reading.fields[field] !== null) : [];
  if (!reading || read.length === 0) return null;
  // The check compared the field with the form and found nothing to say: the two readings agree.
  const agreesWithForm = (field: IdDocumentField) => identityCheck !== null && COMPARED.has(field) && !identityCheck.reasons.some((r) => r.field === field);
  return (
    <details className="panel document-fields">
      <summary>{t('intake.check.read.heading')}</summary>
      <table className="comparison">
        <thead>
          <tr>
            <th scope="col">{t('intake.check.compare.field')}</th>
            <th scope="col">{t('intake.check.compare.document')}</th>
            <th scope="col">{t('intake.check.read.source')}</th>
          </tr>
        </thead>
        <tbody>
          {read.map((field) => {
            const source = reading.fieldSources[field];
            const label = t(`intake.check.field.${field}`);
            return (
              <tr key={field} data-field={field}>
                <th scope="row">{label}</th>
                <td>
                  {shownValue(reading.fields[field])}
                  <RegionImage region={source === 'clerk' ? null : (regions[field] ?? null)} label={t('intake.region.document', { field: label })} />
                </td>
                <td>
                  {source ? t(`intake.source.${source}`) : '—'}
                  {source && source !== 'clerk' && `, ${t('intake.form.confidence', { percent: Math.round((reading.confidence[field] ?? 0) * 100) })}`}
                  {source && source !== 'clerk' && (isConfirmed(reading, field) ? (
                      <span className="confirmed"> — {t(`intake.check.confirmedBy.${reading.confirmedBy?.[field] ?? 'two-sources'}`)}</span>
                    ) : agreesWithForm(field) ? (
                      <span className="confirmed"> — {t('intake.check.confirmedByForm')}</span>
                    ) : (
                      <strong className="to-verify"> — {t('intake.form.toVerify')}</strong>
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
});
