import { describe, expect, it } from 'vitest';
import { openTestStore } from './open-test-store';
import { StoreError } from '../../../renderer/store/store-error';

const CLERK = 'clerk-1';
const jpeg = (seed: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, seed, 1, 2, 3])], { type: 'image/jpeg' });

describe('replacing a scan with its straightened, cropped version', () => {
  it('keeps role, page and order, stores the new bytes under a new id and hash, drops the original, and audits both hashes', async () => {
    const { store, now } = await openTestStore();
    const c = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
    const { attachment: front } = await store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: jpeg(1) }, CLERK);
    now.value += 1000;
    const { attachment: back } = await store.cases.attach(c.id, { role: 'documento-retro', mimeType: 'image/jpeg', page: 1, bytes: jpeg(2) }, CLERK);
    now.value += 1000;

    const edited = await store.cases.replaceScan(front.id, { mimeType: 'image/jpeg', bytes: jpeg(9), transform: 'rotate=90;crop=1,2,30,40' }, CLERK);

    expect(edited.id).not.toBe(front.id);
    expect(edited.sha256).not.toBe(front.sha256);
    expect({ role: edited.role, page: edited.page, createdAt: edited.createdAt }).toEqual({ role: front.role, page: front.page, createdAt: front.createdAt });
    expect((await store.cases.listAttachments(c.id)).map((a) => a.id)).toEqual([edited.id, back.id]);
    expect(new Uint8Array(await (await store.cases.readAttachment(edited.id)).arrayBuffer())).toEqual(new Uint8Array(await jpeg(9).arrayBuffer()));
    const gone = await store.cases.readAttachment(front.id).then(() => null, (e: unknown) => e);
    expect((gone as StoreError).messageKey).toBe('store.error.attachmentMissing');
    const entry = (await store.audit.forCase(c.id)).find((e) => e.action === 'transform-scan');
    expect(entry?.detail).toBe(`rotate=90;crop=1,2,30,40;from=${front.sha256};to=${edited.sha256}`);
    expect((await store.audit.verify()).intact).toBe(true);
  });

  it('refuses an edit identical to another scan of the case and leaves the original in place', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    const { attachment: front } = await store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: jpeg(1) }, CLERK);
    await store.cases.attach(c.id, { role: 'documento-retro', mimeType: 'image/jpeg', page: 1, bytes: jpeg(2) }, CLERK);
    const error = await store.cases.replaceScan(front.id, { mimeType: 'image/jpeg', bytes: jpeg(2), transform: 'rotate=0;crop=none' }, CLERK).then(() => null, (e: unknown) => e);
    expect((error as StoreError).messageKey).toBe('store.error.duplicateScan');
    expect((await store.cases.listAttachments(c.id)).map((a) => a.id)).toContain(front.id);
    expect((await store.cases.readAttachment(front.id)).size).toBe(8);
  });
});
