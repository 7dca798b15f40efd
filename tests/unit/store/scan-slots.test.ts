import { describe, expect, it } from 'vitest';
import { openTestStore } from './open-test-store';
import { StoreError } from '../../../renderer/store/store-error';

const CLERK = 'clerk-1';
const jpeg = (seed: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, seed, 1, 2, 3])], { type: 'image/jpeg' });
const errorKey = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e as StoreError).messageKey);

describe('moving a scan to the right slot and removing a scan captured by mistake', () => {
  it('moves and removes on an editable case, audited with the hash, bytes deleted with the metadata', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
    const { attachment: first } = await store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: jpeg(1) }, CLERK);
    const { attachment: second } = await store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: jpeg(2) }, CLERK);

    const moved = await store.cases.reassignScan(second.id, 'documento-retro', CLERK);
    expect(moved).toEqual({ ...second, role: 'documento-retro' });
    await store.cases.removeScan(first.id, CLERK);
    expect(await store.cases.listAttachments(c.id)).toEqual([moved]);
    expect(await store.db.attachmentBlobs.get(first.id)).toBeUndefined();
    expect(await errorKey(store.cases.readAttachment(first.id))).toBe('store.error.attachmentMissing');

    const audit = (await store.audit.forCase(c.id)).filter((e) => e.action === 'reassign-scan' || e.action === 'remove-scan').map((e) => `${e.action} ${e.detail}`);
    expect(audit).toEqual([`reassign-scan documento-fronte->documento-retro:${second.sha256}`, `remove-scan documento-fronte:${first.sha256}`]);
    expect((await store.audit.verify()).intact).toBe(true);
  });

  it('refuses on a decided case, for the refusal notice, and for an unknown id, changing nothing', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
    const { attachment } = await store.cases.attach(c.id, { role: 'modulo', mimeType: 'image/jpeg', page: 1, bytes: jpeg(3) }, CLERK);
    await store.cases.decide(c.id, { outcome: 'refuse', reasonCodes: ['SURNAME_MISMATCH'], freeText: '' }, CLERK, async () => new TextEncoder().encode('%PDF-1.7\n%%EOF'));
    const notice = (await store.cases.listAttachments(c.id)).find((a) => a.role === 'avviso-rifiuto')!;
    expect(await errorKey(store.cases.removeScan(attachment.id, CLERK))).toBe('store.error.notEditable');
    expect(await errorKey(store.cases.reassignScan(attachment.id, 'documento-retro', CLERK))).toBe('store.error.notEditable');
    await store.cases.reopen(c.id, CLERK);
    expect(await errorKey(store.cases.removeScan(notice.id, CLERK))).toBe('store.error.attachmentMissing');
    expect(await errorKey(store.cases.removeScan('00000000-0000-4000-8000-000000000000', CLERK))).toBe('store.error.attachmentMissing');
    expect((await store.cases.listAttachments(c.id)).map((a) => a.role).sort()).toEqual(['avviso-rifiuto', 'modulo']);
  });
});
