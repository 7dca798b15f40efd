import { create } from 'zustand';
import type { SportelloApi } from '../../shared/ipc/contract';
import type { Locale, Settings } from '../../shared/settings/settings';

export type Screen = 'cases' | 'settings' | 'diagnostics' | 'accounts';

interface AppState {
  api: SportelloApi | null;
  settings: Settings | null;
  screen: Screen;
  locale: Locale;
  connect(api: SportelloApi): Promise<void>;
  navigate(screen: Screen): void;
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
  navigate(screen) {
    set({ screen });
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
