import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCaseBundleFile } from '../../../electron/main/documents/case-bundle-file';
import { writeFileAtomic } from '../../../electron/main/node-files';
import { dispatch, IpcHandlerError } from '../../../electron/main/ipc/register-handlers';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { BUNDLE_MAGIC } from '../../../shared/case-bundle/envelope';
import { testHandlerDeps } from './handler-deps';

const bundle = Uint8Array.from([...BUNDLE_MAGIC, 0, 1, 0, 0, 0, 2, 123, 125]);
const appSender = { senderFrame: { url: 'app://sportello/index.html', parent: null } } as never;

function setup(choice: (name: string) => string | null) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bundles-'));
  const chooseTarget = vi.fn(async (name: string) => {
    const chosen = choice(name);
    return chosen === null ? null : path.join(folder, chosen);
  });
  return { folder, chooseTarget, file: createCaseBundleFile({ chooseTarget, write: writeFileAtomic }) };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return error instanceof IpcHandlerError ? error.messageKey : String(error);
  }
  return 'saved';
}

describe('case bundle file', () => {
  it('writes the bundle where the operator chose, adding the extension if the name lost it', async () => {
    const { folder, chooseTarget, file } = setup(() => 'sulla-chiavetta');
    const result = await file.save({ fileName: 'pratiche-RM01-20261127-0900.sportello', data: bundle });
    expect(chooseTarget).toHaveBeenCalledWith('pratiche-RM01-20261127-0900.sportello');
    expect(result).toEqual({ saved: true, path: path.join(folder, 'sulla-chiavetta.sportello') });
    expect(new Uint8Array(fs.readFileSync(result.path!))).toEqual(bundle);
  });

  it('writes nothing when the operator cancels the dialog', async () => {
    const { folder, file } = setup(() => null);
    expect(await file.save({ fileName: 'pratiche.sportello', data: bundle })).toEqual({ saved: false, path: null });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses what is not a bundle, or a name that is not a bundle name, before asking where', async () => {
    const { chooseTarget, file } = setup((name) => name);
    expect(await refusal(file.save({ fileName: 'pratiche.sportello', data: new TextEncoder().encode('#!/bin/sh\nrm -rf ~') }))).toBe('bundle.error.invalidContent');
    expect(await refusal(file.save({ fileName: '../../.bashrc', data: bundle }))).toBe('bundle.error.invalidContent');
    expect(await refusal(file.save({ fileName: 'pratiche.exe', data: bundle }))).toBe('bundle.error.invalidContent');
    expect(chooseTarget).not.toHaveBeenCalled();
  });

  it('reports a failed write (stick removed, read-only) with its own message', async () => {
    const file = createCaseBundleFile({ chooseTarget: async () => '/media/usb/pratiche.sportello', write: async () => Promise.reject(new Error('EROFS')) });
    expect(await refusal(file.save({ fileName: 'pratiche.sportello', data: bundle }))).toBe('bundle.error.saveFailed');
  });

  it('is reached through the contract channel caseBundle:save, which validates name and base64', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bundle-ipc-'));
    fs.mkdirSync(path.join(root, 'bundles'));
    const handlers = createIpcHandlers(testHandlerDeps(root));
    const ok = await dispatch('caseBundle:save', handlers, appSender, { fileName: 'pratiche.sportello', dataBase64: Buffer.from(bundle).toString('base64') });
    expect(ok).toEqual({ ok: true, value: { saved: true, path: `${root}/bundles/pratiche.sportello` } });
    const badName = await dispatch('caseBundle:save', handlers, appSender, { fileName: 'pratiche.txt', dataBase64: 'AA==' });
    expect(badName).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const notBundle = await dispatch('caseBundle:save', handlers, appSender, { fileName: 'pratiche.sportello', dataBase64: 'AAAA' });
    expect(notBundle).toMatchObject({ ok: false, error: { code: 'bundle-invalid', messageKey: 'bundle.error.invalidContent' } });
  });
});
