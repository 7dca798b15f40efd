import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings/settings';
import { auditSettingsChanges, settingsChanges } from '../../../renderer/store/settings-audit';
import { openTestStore } from './open-test-store';

describe('settings audit', () => {
  it('names every changed workstation setting with its old and new value, and nothing unchanged', () => {
    const after = { ...defaultSettings, centralServiceUrl: 'https://central.inail.local', autoLockMinutes: 240, retentionDays: 0 };
    expect(settingsChanges(defaultSettings, after)).toEqual(['centralServiceUrl:""->"https://central.inail.local"', 'retentionDays:30->0', 'autoLockMinutes:5->240']);
    expect(settingsChanges(after, after)).toEqual([]);
  });

  it('keeps a long value within the entry: both ends shortened, the field still named', () => {
    const long = `/srv/${'x'.repeat(400)}`;
    const [detail] = settingsChanges(defaultSettings, { ...defaultSettings, scannerHotFolder: long });
    expect(detail.length).toBeLessThanOrEqual(200);
    expect(detail.startsWith('scannerHotFolder:""->"/srv/xxx')).toBe(true);
  });

  it('writes one chained entry per change under the administrator, and the chain stays intact', async () => {
    const { store } = await openTestStore();
    await auditSettingsChanges(store.audit, 'admin-1', defaultSettings, { ...defaultSettings, scannerHotFolder: '/srv/scansioni', locale: 'en' });
    const entries = await store.db.audit.toArray();
    expect(entries.map((e) => [e.clerkId, e.action, e.detail])).toEqual([
      ['admin-1', 'settings', 'scannerHotFolder:""->"/srv/scansioni"'],
      ['admin-1', 'settings', 'locale:"it"->"en"'],
    ]);
    expect((await store.audit.verify()).intact).toBe(true);
  });
});
