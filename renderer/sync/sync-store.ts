import { create } from 'zustand';
import type { Outbox, OutboxStatus } from './outbox';

interface SyncState {
  outbox: Outbox | null;
  status: OutboxStatus | null;
  attach(outbox: Outbox): () => void;
}

/** The running outbox of this window and its last status, for the "Invio" screen. */
export const useSyncStore = create<SyncState>((set, get) => ({
  outbox: null,
  status: null,
  attach(outbox) {
    set({ outbox, status: outbox.status() });
    const unsubscribe = outbox.subscribe((status) => set({ status }));
    return () => {
      unsubscribe();
      if (get().outbox === outbox) set({ outbox: null, status: null });
    };
  },
}));
