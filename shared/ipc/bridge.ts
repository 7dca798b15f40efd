import { ipcChannels, type IpcChannel } from './channels';
import type { SportelloApi } from './contract';
import { unwrap, type IpcResult } from './result';

/**
 * Builds `window.sportello` from a raw invoke function (ipcRenderer.invoke in the preload). Exactly
 * the contract's channels, each unwrapping the result envelope into a value or an IpcCallError.
 */
export function createSportelloApi(invoke: (channel: IpcChannel, payload: unknown) => Promise<unknown>): SportelloApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const channel of ipcChannels) {
    api[channel] = async (payload?: unknown) => unwrap((await invoke(channel, payload)) as IpcResult<unknown>);
  }
  return Object.freeze(api) as unknown as SportelloApi;
}
