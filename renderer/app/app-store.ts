import { create } from 'zustand';
import type { SportelloApi } from '../../shared/ipc/contract';
import type { Locale, Settings } from '../../shared/settings/settings';

export type Screen = 'cases' | 'intake' | 'sync' | 'settings' | 'diagnostics' | 'accounts';

interface AppState {
  api: SportelloApi | null;
  settings: Settings | null;
  screen: Screen;
  locale: Locale;
  connect(api: SportelloApi): Promise<void>;
  /** The case open in the intake wizard; null starts a new case. */
  intakeCaseId: string | null;
  navigate(screen: Screen): void;
  openIntake(caseId: string | null): void;
  applySettings(settings: Settings): void;
}

export const useAppStore = create<AppState>((set) => ({
  api: null,
  settings: null,
  screen: 'cases',
  locale: 'it',
  async connect(api) {
    const settings = await api['settings:get']();
    set({ api, settings, locale: settings.locale });
  },
  intakeCaseId: null,
  navigate(screen) {
    set({ screen });
  },
  openIntake(caseId) {
    set({ screen: 'intake', intakeCaseId: caseId });
  },
  applySettings(settings) {
    set({ settings, locale: settings.locale });
  },
}));

/** The contract, once the app has connected; screens render only after that. */
export function useApi(): SportelloApi {
  const api = useAppStore((s) => s.api);
  if (!api) throw new Error('API not connected');
  return api;
}
