import { useTranslation } from '../i18n/use-translation';
import { useIntake } from './intake-session';

/**
 * The profile as the form gives it: the ticked box read from the scan (or the AcroForm value), and
 * whether the case took it; no box or several ticked is said plainly, never guessed.
 */
export function FormProfileNote() {
  const t = useTranslation();
  const record = useIntake((s) => s.record);
  const { profile, profileApplied, warnings } = useIntake((s) => s.formProposals);
  if (!record) return null;
  return (
    <div className="form-profile-note">
      {profile && (
        <p className="hint">
          {t('intake.form.profileRead', { profile: t(`intake.profile.${profile.value}`), source: t(`intake.source.${profile.source}`), percent: Math.round(profile.confidence * 100) })}{' '}
          {profileApplied && record.profile === profile.value && t('intake.form.profileApplied')}
        </p>
      )}
      {profile && record.profile !== null && record.profile !== profile.value && (
        <p className="message-error" role="status">
          {t('intake.form.profileDiffers', { chosen: t(`intake.profile.${record.profile}`) })}
        </p>
      )}
      {warnings.map((code) => (
        <p key={code} className="message-error" role="alert">
          {t(`documentReading.warning.${code}` as Parameters<typeof t>[0])}
        </p>
      ))}
      {record.profile === null && (
        <p className="message-error" role="status">
          {t('intake.form.profileMissing')}
        </p>
      )}
    </div>
  );
}
