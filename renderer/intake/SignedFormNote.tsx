import { useMemo } from 'react';
import { signedFormStatus } from '../../shared/intake/signed-form';
import { formDigest } from '../../shared/notices/form-code';
import { useTranslation } from '../i18n/use-translation';
import { useIntake } from './intake-session';
import { useSignedForms } from './signed-form-session';

/** In the check: the signed form is a prefilled one, so only its signature was checked (and whether it is still current). */
export function SignedFormNote() {
  const t = useTranslation();
  const record = useIntake((s) => s.record);
  const scans = useSignedForms((s) => s.scans);
  const status = useMemo(() => (record && scans.length > 0 ? signedFormStatus(scans, formDigest(record.profile, record.form)) : null), [record, scans]);
  if (!status) return null;
  return (
    <div className="signed-form-note" data-testid="signed-form-note">
      <p className="hint">{t('walkIn.check.recognised')}</p>
      {status.stale && (
        <p className="message-error" role="alert">
          {t('walkIn.check.stale')}
        </p>
      )}
      {!status.stale && status.signed === null && <p className="message-error">{t('walkIn.check.noSignaturePage')}</p>}
    </div>
  );
}
