import { useTranslation } from '../i18n/use-translation';
import { useIntake, type IntakeNotice } from './intake-session';

/** The message for one place (a capture slot, the scanner tray): it stays until replaced. */
export function NoticeLine({ place }: { place: IntakeNotice['place'] }) {
  const t = useTranslation();
  const notice = useIntake((s) => s.notices.find((n) => n.place === place));
  return (
    <p className={notice?.kind === 'error' ? 'message-error' : 'message-ok'} role={notice?.kind === 'error' ? 'alert' : 'status'} data-place={place}>
      {notice ? t(notice.key, notice.params) : ''}
    </p>
  );
}
