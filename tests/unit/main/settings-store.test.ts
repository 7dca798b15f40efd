import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../electron/main/settings/settings-store';
import { writeFileAtomic } from '../../../electron/main/node-files';
import { IpcHandlerError } from '../../../electron/main/ipc/register-handlers';
import { defaultSettings } from '../../../shared/settings/settings';
import { checkHotFolderOnDisk } from '../../../electron/main/hot-folder/hot-folder-path';

function realStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-settings-'));
  const file = path.join(dir, 'settings.json');
  const hotFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-scanner-'));
  const deps = {
    load: async () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null),
    save: (json: string) => writeFileAtomic(file, json),
    // The settings folder itself plays userData: the scanner folder may not be it, inside it or around it.
    checkHotFolder: (folder: string) => checkHotFolderOnDisk(folder, { platform: 'linux', protectedTrees: [dir], profileRoots: [], systemTrees: ['/etc', '/usr'] }),
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
    [{ scannerHotFolder: '/etc' }, 'scannerHotFolder', 'settings.error.scannerHotFolderProtected'],
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

  it('refuses userData (the settings and data key folder) and a link to a folder as the scanner folder', async () => {
    const { store, dir, hotFolder } = realStore();
    expect((await refusal(store.update({ scannerHotFolder: dir }))).messageKey).toBe('settings.error.scannerHotFolderProtected');
    const link = path.join(os.tmpdir(), `sportello-link-${process.pid}-${Date.now()}`);
    fs.symlinkSync(hotFolder, link);
    expect((await refusal(store.update({ scannerHotFolder: link }))).messageKey).toBe('settings.error.scannerHotFolderLink');
    const inside = path.join(dir, 'logs');
    fs.mkdirSync(inside);
    expect((await refusal(store.update({ scannerHotFolder: inside }))).messageKey).toBe('settings.error.scannerHotFolderProtected');
    expect((await refusal(store.update({ scannerHotFolder: path.dirname(dir) }))).messageKey).toBe('settings.error.scannerHotFolderProtected');
    await expect(store.update({ scannerHotFolder: hotFolder })).resolves.toMatchObject({ scannerHotFolder: hotFolder });
  });

  it('drops a protected scanner folder written into settings.json by hand', async () => {
    const { deps, file, dir } = realStore();
    fs.writeFileSync(file, JSON.stringify({ officeCode: 'RM01', scannerHotFolder: dir }));
    expect(await createSettingsStore(deps).get()).toMatchObject({ officeCode: 'RM01', scannerHotFolder: '' });
  });

  it('falls back to defaults when the file is damaged', async () => {
    const { store, file } = realStore();
    fs.writeFileSync(file, '{"officeCode": ');
    expect(await store.get()).toEqual(defaultSettings);
  });
});
