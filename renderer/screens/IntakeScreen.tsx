import { useEffect } from 'react';
import { useAppStore } from '../app/app-store';
import { useTranslation } from '../i18n/use-translation';
import { CaptureStep } from '../intake/CaptureStep';
import { CheckStep } from '../intake/CheckStep';
import { DecisionStep } from '../intake/DecisionStep';
import { FormStep } from '../intake/FormStep';
import { RequestStep } from '../intake/RequestStep';
import { INTAKE_STEPS, useIntake, type IntakeStep } from '../intake/intake-session';

const STEP_VIEWS: Record<IntakeStep, () => React.JSX.Element | null> = {
  request: RequestStep,
  capture: CaptureStep,
  form: FormStep,
  check: CheckStep,
  decision: DecisionStep,
};

/** The counter wizard: keyboard-first, every step one Alt+digit away, everything autosaved. */
export function IntakeScreen() {
  const t = useTranslation();
  const caseId = useAppStore((s) => s.intakeCaseId);
  const navigate = useAppStore((s) => s.navigate);
  const record = useIntake((s) => s.record);
  const step = useIntake((s) => s.step);
  const goTo = useIntake((s) => s.goTo);
  const open = useIntake((s) => s.open);
  const close = useIntake((s) => s.close);

  useEffect(() => {
    if (caseId) void open(caseId);
    else close();
    return () => close();
  }, [caseId, open, close]);

  const readDocuments = useIntake((s) => s.readDocuments);
  const attachmentCount = useIntake((s) => s.attachments.length);

  // The scans are read once the clerk moves past capture (and again only if the scans changed).
  useEffect(() => {
    if (step === 'form' || step === 'check' || step === 'decision') void readDocuments();
  }, [step, attachmentCount, readDocuments]);

  const index = INTAKE_STEPS.indexOf(step);
  const reachable = (target: IntakeStep) => target === 'request' || record !== null;

  // Shortcuts work wherever the focus is while the wizard shows (e.g. after a dialog closed).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey) return;
      const digit = Number(event.key);
      let target: IntakeStep | undefined;
      if (digit >= 1 && digit <= INTAKE_STEPS.length) target = INTAKE_STEPS[digit - 1];
      if (event.key.toLowerCase() === 'n') target = INTAKE_STEPS[Math.min(index + 1, INTAKE_STEPS.length - 1)];
      if (event.key.toLowerCase() === 'p') target = INTAKE_STEPS[Math.max(index - 1, 0)];
      if (target && (target === 'request' || record !== null)) {
        event.preventDefault();
        goTo(target);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [index, record, goTo]);

  const View = STEP_VIEWS[step];
  return (
    <section aria-labelledby="intake-heading" className="intake">
      <h2 id="intake-heading">
        {record ? t('intake.caseTitle', { number: record.number }) : t('intake.newCase')}
        {record?.urgent && <span className="badge-urgent"> URGENTE</span>}
      </h2>
      <nav aria-label={t('intake.steps')}>
        <ol className="steps">
          {INTAKE_STEPS.map((s, i) => (
            <li key={s}>
              <button type="button" aria-current={s === step ? 'step' : undefined} disabled={!reachable(s)} onClick={() => goTo(s)} aria-keyshortcuts={`Alt+${i + 1}`}>
                {i + 1}. {t(`intake.step.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="hint">{t('intake.shortcuts')}</p>
      <View />
      <div className="actions step-actions">
        {index > 0 && (
          <button type="button" onClick={() => goTo(INTAKE_STEPS[index - 1])} aria-keyshortcuts="Alt+P">
            {t('intake.previous')}
          </button>
        )}
        {record && index < INTAKE_STEPS.length - 1 && (
          <button type="button" className="button-primary" onClick={() => goTo(INTAKE_STEPS[index + 1])} aria-keyshortcuts="Alt+N">
            {t('intake.next')}
          </button>
        )}
        <button type="button" onClick={() => navigate('cases')}>
          {t('intake.backToList')}
        </button>
      </div>
    </section>
  );
}
