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
});
