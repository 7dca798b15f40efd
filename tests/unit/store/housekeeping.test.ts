import { describe, expect, it, vi } from 'vitest';
import { startHousekeeping } from '../../../renderer/store/housekeeping';
import { guardWrite, StoreError } from '../../../renderer/store/store-error';
import { openTestStore } from './open-test-store';

describe('housekeeping', () => {
  it('purges due images and reports storage health as soon as the store opens', async () => {
    const { store, now } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'c1');
    await store.cases.attach(c.id, { role: 'modulo', mimeType: 'image/png', page: 1, bytes: new Blob(['x']) }, 'c1');
    await store.cases.decide(c.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, 'c1');
    for (const state of ['sending', 'sent', 'acknowledged'] as const) await store.cases.moveState(c.id, state, 'system:outbox');
    now.value += 60_000;
    const onHealth = vi.fn();
    const stop = startHousekeeping({ db: store.db, auditKey: store.cipher.auditKey, retentionDays: () => 0, clock: () => now.value, readHealth: async () => ({ persisted: true, usageBytes: 1, quotaBytes: 2, low: true }), onHealth });
    await vi.waitFor(() => expect(onHealth).toHaveBeenCalledWith({ persisted: true, usageBytes: 1, quotaBytes: 2, low: true }));
    stop();
    expect(await store.db.attachmentBlobs.count()).toBe(0);
  });
});

describe('write failures', () => {
  it('turns an IndexedDB failure into an Italian-keyed store error, keeping its cause', async () => {
    const cause = new DOMException('disk I/O', 'UnknownError');
    const error = await guardWrite(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ messageKey: 'store.error.writeFailed', cause });
    const quota = await guardWrite(() => Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }))).catch((e: unknown) => e);
    expect(quota).toMatchObject({ messageKey: 'store.error.quota' });
  });
});
