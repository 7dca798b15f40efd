import { useTranslation } from '../i18n/use-translation';
import { useIntake } from './intake-session';

/** Whether the automatic reading is running, and what it could not read (it stays on screen). */
export function ReadingStatus() {
  const t = useTranslation();
  const reading = useIntake((s) => s.reading);
  return (
    <div className="reading-status">
      <p role="status" className="hint">
        {reading.state === 'reading' ? t('intake.reading.running') : reading.state === 'done' ? t(reading.problems.length > 0 ? 'intake.reading.doneWithProblems' : 'intake.reading.done') : ''}
      </p>
      {reading.problems.map((problem) => (
        <p key={problem} role="alert" className="message-error">
          {problem}
        </p>
      ))}
    </div>
  );
}
