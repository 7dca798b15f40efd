import type { FormFieldName } from '../../shared/case/form-fields';
import type { HandwritingSuggestion as Suggestion } from '../../shared/intake/form-proposals';
import { useTranslation } from '../i18n/use-translation';
import { useIntake } from './intake-session';

/**
 * A value read from handwriting, next to its empty field: never prefilled, the clerk compares it
 * with the region of the scan shown below and uses it with an explicit action (audited).
 */
export function HandwritingSuggestion({ field, suggestion, id }: { field: FormFieldName; suggestion: Suggestion; id: string }) {
  const t = useTranslation();
  const acceptSuggestion = useIntake((s) => s.acceptSuggestion);
  return (
    <p id={id} className="field-suggestion">
      <span>
        {t('intake.form.suggestion', { value: suggestion.value })} <span className="field-source">({t('intake.form.suggestionConfidence', { percent: Math.round(suggestion.confidence * 100) })})</span>
      </span>{' '}
      — <button type="button" className="button-secondary button-small" aria-label={t('intake.form.suggestionUseLabel', { field: t(`form.field.${field}`) })} onClick={() => void acceptSuggestion(field)}>
        {t('intake.form.suggestionUse')}
      </button>
    </p>
  );
}
