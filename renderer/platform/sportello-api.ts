import type { SportelloApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    sportello?: SportelloApi;
  }
}

/** The contract as the renderer uses it: exposed by the preload in Electron, by the web bridge in dev web mode. */
export async function resolveSportelloApi(): Promise<SportelloApi> {
  if (window.sportello) return window.sportello;
  if (import.meta.env.DEV) {
    const { createWebBridge } = await import('./web-bridge');
    return createWebBridge();
  }
  throw new Error('Preload API missing: the renderer was not started by the desktop app.');
}
