import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createCaseDatabase, LATEST_SCHEMA_VERSION } from '../../../renderer/store/database';
import { openTestStore, field } from './open-test-store';

describe('schema migrations', () => {
  it('upgrades a version 1 database without losing a case, an attachment or the audit chain', async () => {
    const factory = new IDBFactory();
    const { store } = await openTestStore({ factory });
    const urgent = await store.cases.createDraft({ profile: 'MEDICO_OSPEDALIERO', urgent: true, urgentReason: 'reparto' }, 'c1');
    const plain = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'c1');
    await store.cases.saveField(urgent.id, 'cognome', field('Neri'), 'c1');
    const { attachment } = await store.cases.attach(urgent.id, { role: 'modulo', mimeType: 'image/png', page: 1, bytes: new Blob(['png bytes']) }, 'c1');
    await store.cases.decide(plain.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, 'c1');
    // Rewrite every row as version 1 stored it (no priority, outbox without priority/queuedAt).
    const rows = { cases: await store.db.cases.toArray(), outbox: await store.db.outbox.toArray(), others: {} as Record<string, unknown[]> };
    for (const table of ['attachments', 'attachmentBlobs', 'documentReadings', 'audit', 'clerks', 'settings'] as const) rows.others[table] = await store.db.table(table).toArray();
    store.close();
    const v1Factory = new IDBFactory();
    const v1 = createCaseDatabase('sportello-test', { upToVersion: 1, indexedDB: v1Factory, IDBKeyRange });
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.table('cases').bulkAdd(rows.cases.map(({ priority: _priority, ...row }) => row));
    await v1.table('outbox').bulkAdd(rows.outbox.map(({ priority: _p, queuedAt: _q, ...row }) => row));
    for (const [table, content] of Object.entries(rows.others)) await v1.table(table).bulkAdd(content);
    v1.close();

    const { store: upgraded } = await openTestStore({ factory: v1Factory });
    expect(upgraded.db.verno).toBe(LATEST_SCHEMA_VERSION);
    const list = await upgraded.cases.listCases({ offset: 0, limit: 10 });
    expect(list.items.map((s) => [s.id, s.integrity])).toEqual([
      [urgent.id, 'ok'],
      [plain.id, 'ok'],
    ]);
    expect((await upgraded.cases.loadCase(urgent.id, 'c1')).form.cognome?.value).toBe('Neri');
    expect(await (await upgraded.cases.readAttachment(attachment.id)).text()).toBe('png bytes');
    expect(await upgraded.db.outbox.get(plain.id)).toMatchObject({ priority: 0 });
    expect((await upgraded.audit.verify()).intact).toBe(true);
  });

  it('version 3 keeps a version 2 case and lets an imported case share its number', async () => {
    const { store: source } = await openTestStore();
    const own = await source.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'c1');
    const row = (await source.db.cases.get(own.id))!;
    const v2Factory = new IDBFactory();
    const v2 = createCaseDatabase('sportello-test', { upToVersion: 2, indexedDB: v2Factory, IDBKeyRange });
    await v2.open();
    await v2.table('cases').add(row);
    await expect(v2.table('cases').add({ ...row, id: '0b7e6a9c-5a3f-4f7e-9a59-2f8d1c0e4b11' })).rejects.toThrow();
    v2.close();
    const upgraded = createCaseDatabase('sportello-test', { indexedDB: v2Factory, IDBKeyRange });
    await upgraded.open();
    expect(upgraded.verno).toBe(LATEST_SCHEMA_VERSION);
    await upgraded.cases.add({ ...row, id: '0b7e6a9c-5a3f-4f7e-9a59-2f8d1c0e4b11' });
    expect((await upgraded.cases.where('number').equals(own.number).primaryKeys()).sort()).toEqual(['0b7e6a9c-5a3f-4f7e-9a59-2f8d1c0e4b11', own.id].sort());
  });
});
