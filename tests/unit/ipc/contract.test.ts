import { describe, expect, it } from 'vitest';
import * as electronStub from 'electron';
import { ipcChannels, ipcContract, type IpcHandlers, type SportelloApi } from '../../../shared/ipc/contract';
import { createSportelloApi } from '../../../shared/ipc/bridge';
import { IpcCallError } from '../../../shared/ipc/result';
import { dispatch, IpcHandlerError, isTrustedSender } from '../../../electron/main/ipc/register-handlers';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { testHandlerDeps } from '../main/handler-deps';
import type { createWebBridge } from '../../../renderer/platform/web-bridge';

const stub = electronStub as unknown as typeof import('../../stubs/electron');
const trusted = { senderFrame: { url: 'app://sportello/index.html', parent: null } } as never;

function handlers(): IpcHandlers {
  return createIpcHandlers(testHandlerDeps('/tmp/x'));
}

describe('IPC contract', () => {
  it('gives a schema to every channel name and to nothing else', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...ipcChannels].sort());
  });

  it('has a main-process handler for every channel and no other', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...ipcChannels].sort());
  });

  it('preload exposes exactly the contract channels through contextBridge', async () => {
    await import('../../../electron/preload/preload');
    const exposed = stub.contextBridge.exposed.get('sportello') as Record<string, unknown>;
    expect([...stub.contextBridge.exposed.keys()]).toEqual(['sportello']);
    expect(Object.keys(exposed).sort()).toEqual([...ipcChannels].sort());
    expect(Object.isFrozen(exposed)).toBe(true);
    await (exposed as unknown as SportelloApi)['settings:get']();
    expect(stub.ipcRenderer.invocations.at(-1)).toEqual({ channel: 'settings:get', payload: undefined });
  });

  it.each([
    ['settings:update', { retentionDays: 'thirty' }],
    ['settings:update', { unknownField: 1 }],
    ['settings:update', 'a string'],
    ['log:write', { level: 'shout', event: 'x' }],
    ['log:write', { level: 'info', event: 'Not An Event Code' }],
    ['app:info', { unexpected: true }],
    ['hotFolder:acknowledge', { id: '' }],
    ['hotFolder:acknowledge', {}],
    ['document:openDraft', { kind: 'exe', fileName: 'a.exe', dataBase64: 'AA==' }],
    ['document:openDraft', { kind: 'pdf', fileName: '../../.bashrc.pdf', dataBase64: 'JVBERi0=' }],
    ['document:openDraft', { kind: 'pdf', fileName: 'a.pdf', dataBase64: 'not base64!' }],
  ] as const)('rejects a malformed %s payload with a clear error', async (channel, payload) => {
    const result = await dispatch(channel, handlers(), trusted, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', messageKey: 'error.ipc.invalidPayload', details: { channel } } });
  });

  it.each([
    [{ senderFrame: { url: 'https://evil.example/', parent: null } }],
    [{ senderFrame: { url: 'app://sportello/index.html', parent: {} } }],
    [{ senderFrame: null }],
    [{ senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
  ])('refuses a call from an untrusted frame %j', async (event) => {
    expect(isTrustedSender(event as never)).toBe(false);
    const result = await dispatch('settings:get', handlers(), event as never, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('answers a valid call with a value that satisfies the response schema', async () => {
    const result = await dispatch('app:info', handlers(), trusted, undefined);
    expect(result.ok).toBe(true);
    if (result.ok) expect(ipcContract['app:info'].response.parse(result.value).runtime).toBe('electron');
  });

  it('carries handler errors as typed envelopes that the bridge turns back into IpcCallError', async () => {
    const failing = { ...handlers(), 'settings:update': async () => { throw new IpcHandlerError('settings-invalid', 'settings.error.retentionDays', { field: 'retentionDays' }); } };
    const api = createSportelloApi((channel, payload) => dispatch(channel, failing, trusted, payload));
    const error = await api['settings:update']({ retentionDays: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcCallError);
    expect((error as IpcCallError).error).toEqual({ code: 'settings-invalid', messageKey: 'settings.error.retentionDays', details: { field: 'retentionDays' } });
  });

  it('hides unexpected handler failures behind a generic error', async () => {
    const failing = { ...handlers(), 'settings:get': async () => { throw new Error('ENOENT /home/clerk/secret'); } };
    const result = await dispatch('settings:get', failing, trusted, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.ipc.internal', details: { channel: 'settings:get' } } });
  });

  it('the browser implementation satisfies the same type', () => {
    // Compile-time check: tsc fails if the web bridge drifts from the contract.
    const typed: (factory: typeof createWebBridge) => SportelloApi = (factory) => factory();
    expect(typed).toBeTypeOf('function');
  });
});
