import { useEffect, useRef, useState } from 'react';
import { useIntake } from './intake-session';

/** What became of a file in the scanner tray once its pages were searched for a prefilled form's code. */
export type TrayRecognition = 'searching' | 'manual' | 'refused';

interface TrayFile {
  id: string;
  name: string;
  dataBase64: string;
}

/**
 * Every file arriving in the scanner tray is searched once for a prefilled form's code, one file at
 * a time. A signed form goes straight to its case and `onKept` removes the original from the folder;
 * a refused one stays in the folder (nothing is lost) with its message; any other file waits for
 * the clerk to say which page it is.
 */
export function useTrayRecognition(
  files: readonly TrayFile[],
  decode: (dataBase64: string) => Uint8Array,
  onKept: (id: string) => Promise<void>,
): Record<string, TrayRecognition> {
  const attachSignedForm = useIntake((s) => s.attachSignedForm);
  const [outcomes, setOutcomes] = useState<Record<string, TrayRecognition>>({});
  const queued = useRef(new Set<string>());
  const running = useRef(false);
  const waiting = useRef<TrayFile[]>([]);

  useEffect(() => {
    const present = new Set(files.map((f) => f.id));
    // A name that left the folder may come back with other content: search it again then.
    for (const id of [...queued.current]) if (!present.has(id)) queued.current.delete(id);
    const fresh = files.filter((f) => !queued.current.has(f.id));
    if (fresh.length === 0) return;
    for (const file of fresh) queued.current.add(file.id);
    waiting.current.push(...fresh);
    setOutcomes((current) => ({ ...current, ...Object.fromEntries(fresh.map((f) => [f.id, 'searching' as const])) }));
    if (running.current) return;
    running.current = true;
    void (async () => {
      for (let file = waiting.current.shift(); file; file = waiting.current.shift()) {
        const result = await attachSignedForm('tray', file.name, decode(file.dataBase64)).catch(() => 'none' as const);
        if (result === 'kept') await onKept(file.id);
        const id = file.id;
        setOutcomes((current) => ({ ...current, [id]: result === 'refused' ? 'refused' : 'manual' }));
      }
      running.current = false;
    })();
  }, [files, decode, attachSignedForm, onKept]);

  return outcomes;
}
