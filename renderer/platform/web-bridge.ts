import { createSportelloApi } from '../../shared/ipc/bridge';
import type { SportelloApi } from '../../shared/ipc/contract';

/**
 * Dev web mode only: the contract over HTTP to the dev server, which runs the real main-process
 * handlers (electron/dev/dev-main-server.ts). Same type, same validation, same envelopes.
 */
export function createWebBridge(): SportelloApi {
  return createSportelloApi(async (channel, payload) => {
    const response = await fetch(`/__main/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ payload }),
    });
    return response.json();
  });
}
