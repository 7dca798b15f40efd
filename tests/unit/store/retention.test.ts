import { describe, expect, it } from 'vitest';
import { purgeExpiredImages } from '../../../renderer/store/image-retention';
import { StoreError } from '../../../renderer/store/store-error';
import { openTestStore } from './open-test-store';

const DAY = 24 * 60 * 60 * 1000;

describe('image retention', () => {
  it('purges images only after acknowledgement plus the grace period, keeping case, metadata and audit', async () => {
    const { store, now } = await openTestStore();
    const acked = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'c1');
    const queued = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'c1');
    for (const c of [acked, queued]) {
      await store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: new Blob([c.id]) }, 'c1');
      await store.cases.decide(c.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, 'c1');
    }
    for (const state of ['sending', 'sent', 'acknowledged'] as const) await store.cases.moveState(acked.id, state, 'system:outbox');

    now.value += 30 * DAY - 1000;
    expect(await purgeExpiredImages(store.db, store.cipher.auditKey, 30, now.value)).toEqual([]);
    now.value += 2000;
    expect(await purgeExpiredImages(store.db, store.cipher.auditKey, 30, now.value)).toEqual([acked.id]);
    expect(await purgeExpiredImages(store.db, store.cipher.auditKey, 30, now.value)).toEqual([]);

    const [meta] = await store.cases.listAttachments(acked.id);
    expect(meta.purgedAt).toBe(now.value);
    const error = await store.cases.readAttachment(meta.id).catch((e: unknown) => e);
    expect((error as StoreError).messageKey).toBe('store.error.attachmentPurged');
    const [kept] = await store.cases.listAttachments(queued.id);
    expect(await store.cases.readAttachment(kept.id)).toBeInstanceOf(Blob);
    expect((await store.cases.loadCase(acked.id, 'c1')).state).toBe('acknowledged');
    expect((await store.audit.forCase(acked.id)).some((e) => e.action === 'purge')).toBe(true);
    expect((await store.audit.verify()).intact).toBe(true);
  });
});
