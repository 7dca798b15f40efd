import { ScanRole } from '../../shared/case/case';
import { useTranslation } from '../i18n/use-translation';
import { CaptureSlot } from './CaptureSlot';
import { HotFolderTray } from './HotFolderTray';

/** Step 2: the signed form and both sides of the ID, from any source the counter has. */
export function CaptureStep() {
  const t = useTranslation();
  return (
    <div aria-labelledby="capture-heading">
      <h3 id="capture-heading">{t('intake.step.capture')}</h3>
      <div className="capture-grid">
        {ScanRole.options.map((role) => (
          <CaptureSlot key={role} role={role} />
        ))}
      </div>
      <HotFolderTray />
    </div>
  );
}
