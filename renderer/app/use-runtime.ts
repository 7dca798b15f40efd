import { useEffect, useState } from 'react';
import { useApi } from './app-store';

/** Whether the app runs in Electron or in dev web mode: documents are opened by the system there, downloaded here. */
export function useRuntime(): 'electron' | 'web' {
  const api = useApi();
  const [runtime, setRuntime] = useState<'electron' | 'web'>('web');
  useEffect(() => {
    let current = true;
    void api['app:info']().then((info) => current && setRuntime(info.runtime));
    return () => {
      current = false;
    };
  }, [api]);
  return runtime;
}
