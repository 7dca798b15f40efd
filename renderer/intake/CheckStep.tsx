import type { ChecklistStatus } from '../../shared/intake/checklist';
import { useTranslation } from '../i18n/use-translation';
import { ReadingStatus } from './ReadingStatus';
import { useChecklist, useIntake } from './intake-session';
import { MismatchRow } from './MismatchRow';
import { DocumentFields } from './DocumentFields';
import { SignedFormNote } from './SignedFormNote';

const ITEMS = ['signed', 'sides', 'valid', 'identity', 'required'] as const;

function StatusText({ status }: { status: ChecklistStatus }) {
  const t = useTranslation();
  return <span className={`status status-${status}`}>{t(`intake.check.${status}`)}</span>;
}

/** Step 4: the checklist and, side by side, every disagreement between the form and the ID. */
export function CheckStep() {
  const t = useTranslation();
  const checklist = useChecklist();
  const identityCheck = useIntake((s) => s.identityCheck);
  const overrides = useIntake((s) => s.overrides);
  const profileMissing = useIntake((s) => s.record?.profile === null);
  if (!checklist) return null;
  const reasons = identityCheck?.reasons ?? [];
  return (
    <div aria-labelledby="check-heading">
      <h3 id="check-heading">{t('intake.step.check')}</h3>
      <ReadingStatus />
      <ul className="panel checklist">
        {ITEMS.map((item) => (
          <li key={item} data-item={item} data-status={checklist[item]}>
            {t(`intake.check.${item}`)}: <StatusText status={checklist[item]} />
          </li>
        ))}
      </ul>
      <SignedFormNote />
      {checklist.missingFields.length > 0 && (
        <p className="message-error">{t('intake.form.missing', { fields: checklist.missingFields.map((f) => t(`form.field.${f}`)).join(', ') })}</p>
      )}
      {profileMissing && <p className="message-error">{t('intake.form.profileMissing')}</p>}
      {checklist.identity === 'unknown' && <p className="hint">{t('intake.check.notRead')}</p>}
      {reasons.length > 0 && (
        <table className="panel comparison">
          <thead>
            <tr>
              <th scope="col">{t('intake.check.compare.field')}</th>
              <th scope="col">{t('intake.check.compare.form')}</th>
              <th scope="col">{t('intake.check.compare.document')}</th>
              <th scope="col">{t('intake.check.compare.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((reason) => (
              <MismatchRow key={`${reason.code}-${reason.field}`} reason={reason} override={overrides.find((o) => o.code === reason.code && o.field === reason.field)} />
            ))}
          </tbody>
        </table>
      )}
      <DocumentFields />
    </div>
  );
}
