import { memo } from 'react';
import { ID_DOCUMENT_FIELDS } from '../../shared/identity/types';
import { useTranslation } from '../i18n/use-translation';
import { RegionImage } from './RegionImage';
import { useIntake } from './intake-session';
import { shownValue } from './shown-value';

/**
 * What was read from the ID, value by value: where from, how sure, and the piece of scan it came
 * from. Memoised (no props): it re-renders when the reading changes, not on every field the form saves.
 */
export const DocumentFields = memo(function DocumentFields() {
  const t = useTranslation();
  const reading = useIntake((s) => s.documentReading);
  const regions = useIntake((s) => s.regions.document);
  const read = reading ? ID_DOCUMENT_FIELDS.filter((field) => reading.fields[field] !== null) : [];
  if (!reading || read.length === 0) return null;
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
});
