import { useEffect } from 'react';
import { useAppStore } from '../app/app-store';
import { useSession } from '../store/session';
import { diagnoseCentral } from './diagnose-central';
import { createOutbox } from './outbox';
import { useSyncStore } from './sync-store';

/**
 * Runs the outbox while the local store is open (also behind the lock screen: sending needs no
 * clerk), whatever screen is shown. Renders nothing.
 */
export function OutboxRunner() {
  const store = useSession((s) => s.store);
  const serviceUrl = useAppStore((s) => s.settings?.centralServiceUrl ?? '');

  useEffect(() => {
    if (!store) return;
    const outbox = createOutbox({
      store,
      serviceUrl: () => useAppStore.getState().settings?.centralServiceUrl ?? '',
      diagnose: diagnoseCentral,
    });
    const detach = useSyncStore.getState().attach(outbox);
    outbox.start();
    return () => {
      outbox.stop();
      detach();
    };
  }, [store]);

  useEffect(() => {
    void useSyncStore.getState().outbox?.syncNow();
  }, [serviceUrl]);

  return null;
}
