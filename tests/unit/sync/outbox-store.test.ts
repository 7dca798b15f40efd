import { describe, expect, it } from 'vitest';
import { applyCaseChange, pullCaseChanges } from '../../../renderer/sync/change-feed';
import type { CentralClient } from '../../../renderer/sync/central-client';
import { outboxTable } from '../../../renderer/sync/outbox-entry';
import { outboxUrlStorage } from '../../../renderer/sync/outbox-url-storage';
import { loadCredentials, saveCredentials } from '../../../renderer/sync/workstation-credentials';
import { field, openTestStore } from '../store/open-test-store';

const CLERK = 'clerk-1';

async function queuedCase() {
  const { store } = await openTestStore();
  const created = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
  await store.cases.saveField(created.id, 'cognome', field('ROSSI'), CLERK);
  await store.cases.decide(created.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, CLERK);
  return { store, caseId: created.id };
}

const change = (caseId: string, status: 'received' | 'refused') => ({
  caseId,
  protocolNumber: 'RM01-2026-0000001',
  status,
  reasons: status === 'refused' ? [{ code: 'DOCUMENT_EXPIRED', message: 'Documento scaduto.' }] : [],
  changedAt: '2026-11-23T11:00:00.000Z',
});

describe('tus upload URLs kept in the outbox row', () => {
  it('remembers, finds and forgets the URL of one attachment without touching the others', async () => {
    const { store, caseId } = await queuedCase();
    const first = outboxUrlStorage(store.db, caseId, 'a'.repeat(64));
    const second = outboxUrlStorage(store.db, caseId, 'b'.repeat(64));
    expect(await first.findUploadsByFingerprint('x')).toEqual([]);
    const key = await first.addUpload('x', { size: 10, metadata: {}, creationTime: '', urlStorageKey: '', uploadUrl: '/api/v1/uploads/u1', parallelUploadUrls: null });
    await second.addUpload('y', { size: 10, metadata: {}, creationTime: '', urlStorageKey: '', uploadUrl: '/api/v1/uploads/u2', parallelUploadUrls: null });
    expect((await first.findUploadsByFingerprint('x'))[0].uploadUrl).toBe('/api/v1/uploads/u1');
    await first.removeUpload(key);
    expect(await first.findAllUploads()).toEqual([]);
    expect((await outboxTable(store.db).get(caseId))?.uploadUrls).toEqual({ ['b'.repeat(64)]: '/api/v1/uploads/u2' });
  });
});

describe('change feed', () => {
  it('records the central status and moves an acknowledged case refused by the review to refused', async () => {
    const { store, caseId } = await queuedCase();
    for (const to of ['sending', 'sent', 'acknowledged'] as const) await store.cases.moveState(caseId, to, 'system:outbox');
    await applyCaseChange(store, change(caseId, 'received'), 'system:outbox');
    expect((await store.db.cases.get(caseId))?.state).toBe('acknowledged');
    await applyCaseChange(store, change(caseId, 'refused'), 'system:outbox');
    expect((await store.db.cases.get(caseId))?.state).toBe('refused');
    expect((await outboxTable(store.db).get(caseId))?.central).toMatchObject({ status: 'refused', reasons: [{ code: 'DOCUMENT_EXPIRED' }] });
  });

  it('skips cases of other workstations and pulls page by page from the saved cursor', async () => {
    const { store } = await queuedCase();
    const cursors: (string | null)[] = [];
    const pages = [
      { changes: [change('0b7e6a9c-5a3f-4f7e-9a59-2f8d1c0e4b11', 'received')], nextCursor: '1', hasMore: true },
      { changes: [], nextCursor: '2', hasMore: false },
    ];
    const client = { listChanges: async (cursor: string | null) => (cursors.push(cursor), { ok: true as const, status: 200, body: pages.shift()! }) } as unknown as CentralClient;
    expect(await pullCaseChanges(store, client, 'ws-1', 'system:outbox')).toBeNull();
    expect(cursors).toEqual([null, '1']);
    pages.push({ changes: [], nextCursor: '2', hasMore: false });
    await pullCaseChanges(store, client, 'ws-1', 'system:outbox');
    expect(cursors).toEqual([null, '1', '2']);
  });
});

describe('workstation credentials', () => {
  it('are kept sealed: the token is not in the stored row', async () => {
    const { store } = await queuedCase();
    const credentials = { token: 'secret-token-0123456789abcdef0123456789', workstationId: 'w', officeCode: 'RM01', workstationName: 'S1', enrolledAt: '2026-11-23T09:00:00.000Z', serviceUrl: 'https://central.example' };
    await saveCredentials(store, credentials);
    expect(JSON.stringify(await store.db.settings.get('sync.credentials'))).not.toContain('secret-token');
    expect(await loadCredentials(store)).toEqual(credentials);
  });
});
