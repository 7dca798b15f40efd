import { useState } from 'react';
import { ScanRole } from '../../shared/case/case';
import { useTranslation } from '../i18n/use-translation';
import { useIntake } from './intake-session';

/** Under a thumbnail: move the page to the slot it belongs to, or remove it (asked twice). */
export function ScanActions({ attachmentId, role, name }: { attachmentId: string; role: ScanRole; name: string }) {
  const t = useTranslation();
  const reassignScan = useIntake((s) => s.reassignScan);
  const removeScan = useIntake((s) => s.removeScan);
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="scan-actions" role="group" aria-label={t('intake.capture.removeConfirm', { name })}>
        <span>{t('intake.capture.removeConfirm', { name })}</span>
        <button type="button" className="button-danger" onClick={() => void removeScan(attachmentId)}>
          {t('intake.capture.removeYes')}
        </button>
        <button type="button" onClick={() => setConfirming(false)} autoFocus>
          {t('intake.capture.removeNo')}
        </button>
      </div>
    );
  }
  return (
    <div className="scan-actions">
      <select aria-label={t('intake.capture.moveTo', { name })} value="" onChange={(e) => void reassignScan(attachmentId, e.target.value as ScanRole)}>
        <option value="" disabled>
          {t('intake.capture.moveChoose')}
        </option>
        {ScanRole.options
          .filter((other) => other !== role)
          .map((other) => (
            <option key={other} value={other}>
              {t(`intake.role.${other}`)}
            </option>
          ))}
      </select>
      <button type="button" onClick={() => setConfirming(true)} aria-label={`${t('intake.capture.remove')}: ${name}`}>
        {t('intake.capture.remove')}
      </button>
    </div>
  );
}
