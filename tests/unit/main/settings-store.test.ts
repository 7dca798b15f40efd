import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../electron/main/settings/settings-store';
import { writeFileAtomic } from '../../../electron/main/node-files';
import { IpcHandlerError } from '../../../electron/main/ipc/register-handlers';
import { defaultSettings } from '../../../shared/settings/settings';

function realStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-settings-'));
  const file = path.join(dir, 'settings.json');
  const hotFolder = path.join(dir, 'scanner');
  fs.mkdirSync(hotFolder);
  const deps = {
    load: async () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null),
    save: (json: string) => writeFileAtomic(file, json),
    folderExists: async (folder: string) => fs.existsSync(folder) && fs.statSync(folder).isDirectory(),
  };
  return { dir, file, hotFolder, deps, store: createSettingsStore(deps) };
}

async function refusal(promise: Promise<unknown>): Promise<IpcHandlerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IpcHandlerError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('settings store', () => {
  it('starts from defaults and persists a valid update', async () => {
    const { store, deps, hotFolder } = realStore();
    expect(await store.get()).toEqual(defaultSettings);
    const valid = { officeCode: 'RM01', centralServiceUrl: 'https://central.inail.local/api', scannerHotFolder: hotFolder, retentionDays: 30 };
    await store.update(valid);
    expect(await createSettingsStore(deps).get()).toMatchObject(valid);
  });

  it.each([
    [{ centralServiceUrl: 'not a url' }, 'centralServiceUrl', 'settings.error.centralServiceUrl'],
    [{ centralServiceUrl: 'ftp://central.inail.local' }, 'centralServiceUrl', 'settings.error.centralServiceUrl'],
    [{ centralServiceUrl: 'http://central.inail.local' }, 'centralServiceUrl', 'settings.error.centralServiceInsecure'],
    [{ centralServiceUrl: 'https://user:pw@central.inail.local' }, 'centralServiceUrl', 'settings.error.centralServiceUrl'],
    [{ scannerHotFolder: '/does/not/exist' }, 'scannerHotFolder', 'settings.error.scannerHotFolder'],
    [{ retentionDays: -1 }, 'retentionDays', 'settings.error.retentionDays'],
    [{ retentionDays: 2.5 }, 'retentionDays', 'settings.error.retentionDays'],
    [{ autoLockMinutes: 0 }, 'autoLockMinutes', 'settings.error.autoLockMinutes'],
    [{ officeCode: 'rm 01' }, 'officeCode', 'settings.error.officeCode'],
    [{ workstationCode: 'p2' }, 'workstationCode', 'settings.error.workstationCode'],
    [{ workstationCode: 'P234' }, 'workstationCode', 'settings.error.workstationCode'],
  ])('refuses %j naming the field, and keeps the previous settings', async (patch, field, reason) => {
    const { store, deps, file } = realStore();
    await store.update({ officeCode: 'RM01', centralServiceUrl: 'https://central.inail.local' });
    const before = fs.readFileSync(file, 'utf8');
    const error = await refusal(store.update(patch));
    expect(error.code).toBe('settings-invalid');
    expect(error.messageKey).toBe(reason);
    expect(error.details?.field).toBe(field);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(await store.get()).toMatchObject({ officeCode: 'RM01', centralServiceUrl: 'https://central.inail.local' });
    expect(await createSettingsStore(deps).get()).toMatchObject({ officeCode: 'RM01' });
  });

  it('accepts plain http only on loopback', async () => {
    const { store } = realStore();
    await expect(store.update({ centralServiceUrl: 'http://127.0.0.1:8787' })).resolves.toBeTruthy();
  });

  it('falls back to defaults when the file is damaged', async () => {
    const { store, file } = realStore();
    fs.writeFileSync(file, '{"officeCode": ');
    expect(await store.get()).toEqual(defaultSettings);
  });
});
