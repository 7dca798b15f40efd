import { useState, type FormEvent } from 'react';
import { Profile } from '../../shared/case/case';
import { describeError, useTranslation } from '../i18n/use-translation';
import { useIntake } from './intake-session';

/** The clerk leaves the profile to the form's ticked box (read with the scans). */
const FROM_FORM = 'fromForm';

/** Step 1: the profile requested decides the required fields; urgent walk-ins go first. */
export function RequestStep() {
  const t = useTranslation();
  const record = useIntake((s) => s.record);
  const start = useIntake((s) => s.start);
  const updateDetails = useIntake((s) => s.updateDetails);
  const goTo = useIntake((s) => s.goTo);
  const [profile, setProfile] = useState<Profile | typeof FROM_FORM | null>(record ? (record.profile ?? FROM_FORM) : null);
  const [urgent, setUrgent] = useState(record?.urgent ?? false);
  const [urgentReason, setUrgentReason] = useState(record?.urgentReason ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!profile) return;
    if (urgent && urgentReason.trim() === '') {
      setProblem(t('intake.urgentReasonMissing'));
      return;
    }
    setProblem(null);
    const chosen = profile === FROM_FORM ? null : profile;
    try {
      if (record) {
        await updateDetails({ ...(chosen ? { profile: chosen } : {}), urgent, urgentReason });
        goTo('capture');
      } else {
        await start({ profile: chosen, urgent, urgentReason });
      }
    } catch (error) {
      setProblem(describeError(error, t));
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="request-heading">
      <h3 id="request-heading">{t('intake.step.request')}</h3>
      <fieldset className="choice-group">
        <legend>{t('intake.profile')}</legend>
        {Profile.options.map((option, index) => (
          <label key={option} className="choice">
            <input type="radio" name="profile" value={option} checked={profile === option} onChange={() => setProfile(option)} autoFocus={index === 0 && !profile} />
            {t(`intake.profile.${option}`)}
          </label>
        ))}
        {(!record || record.profile === null) && (
          <label className="choice">
            <input type="radio" name="profile" value={FROM_FORM} checked={profile === FROM_FORM} onChange={() => setProfile(FROM_FORM)} />
            {t('intake.profile.fromForm')}
          </label>
        )}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />
        {t('intake.urgent')}
      </label>
      {urgent && (
        <div className="field">
          <label htmlFor="urgent-reason">{t('intake.urgentReason')}</label>
          <input id="urgent-reason" value={urgentReason} onChange={(e) => setUrgentReason(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'request-problem' : undefined} />
        </div>
      )}
      {problem && (
        <p id="request-problem" className="message-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={!profile}>
          {record ? t('intake.next') : t('intake.start')}
        </button>
      </div>
    </form>
  );
}
