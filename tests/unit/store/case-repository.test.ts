import { describe, expect, it } from 'vitest';
import { openTestStore, field, OTHER_KEY } from './open-test-store';
import { StoreError } from '../../../renderer/store/store-error';
import { openLocalStore } from '../../../renderer/store/local-store';
import { IDBKeyRange } from 'fake-indexeddb';
import { testAccountGuard } from './test-account-guard';

const CLERK = 'clerk-1';
const jpeg = (seed: number) => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, seed, 1, 2, 3])], { type: 'image/jpeg' });

async function expectStoreError(promise: Promise<unknown>, key: string): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).messageKey).toBe(key);
}

describe('case repository', () => {
  it('creates numbered drafts and saves fields that load back exactly', async () => {
    const { store } = await openTestStore();
    const first = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
    const second = await store.cases.createDraft({ profile: null, urgent: true, urgentReason: 'pronto soccorso' }, CLERK);
    expect(first.number).toBe('RM01-20261123-0001');
    expect(second.number).toBe('RM01-20261123-0002');
    await store.cases.saveField(first.id, 'cognome', field('Rossi'), CLERK);
    await store.cases.saveField(first.id, 'codice_fiscale', { value: 'RSSMRA85D12H501Z', source: 'barcode', confidence: 0.98 }, CLERK);
    const loaded = await store.cases.loadCase(first.id, CLERK);
    expect(loaded.form).toEqual({ cognome: field('Rossi'), codice_fiscale: { value: 'RSSMRA85D12H501Z', source: 'barcode', confidence: 0.98 } });
    expect(loaded.profile).toBe('MEDICO_ESTERNO');
  });

  it('prefills read values in one write, never over a value the clerk typed, with one audit entry per filled field', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
    await store.cases.saveField(c.id, 'nome', field('Anna'), CLERK);
    const read = (value: string) => ({ value, source: 'ocr' as const, confidence: 0.9 });
    const prefilled = await store.cases.prefillFields(c.id, { cognome: read('ROSSI'), nome: read('ANNA MARIA'), codice_fiscale: read('RSSNNA85D52H501Z') }, CLERK);
    expect(prefilled.form).toEqual({ nome: field('Anna'), cognome: read('ROSSI'), codice_fiscale: read('RSSNNA85D52H501Z') });
    expect((await store.cases.loadCase(c.id, CLERK)).form).toEqual(prefilled.form);
    const edits = (await store.audit.forCase(c.id)).filter((e) => e.action === 'edit-field').map((e) => e.fields);
    expect(edits).toEqual([['nome'], ['cognome'], ['codice_fiscale']]);
    expect((await store.audit.verify()).intact).toBe(true);
  });

  it('stores an attachment once per SHA-256 and returns the same bytes', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    const first = await store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: jpeg(1) }, CLERK);
    const again = await store.cases.attach(c.id, { role: 'documento-retro', mimeType: 'image/jpeg', page: 1, bytes: jpeg(1) }, CLERK);
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ attachment: first.attachment, duplicate: true });
    expect(await store.cases.listAttachments(c.id)).toHaveLength(1);
    const back = new Uint8Array(await (await store.cases.readAttachment(first.attachment.id)).arrayBuffer());
    expect(Array.from(back)).toEqual([0xff, 0xd8, 0xff, 0xe0, 1, 1, 2, 3]);
  });

  it('lists urgent cases first, newest first, in pages, and filters by state', async () => {
    const { store, now } = await openTestStore();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      now.value += 1000;
      ids.push((await store.cases.createDraft({ profile: null, urgent: i === 2, urgentReason: i === 2 ? 'urgente' : '' }, CLERK)).id);
    }
    await store.cases.decide(ids[0], { outcome: 'accept', reasonCodes: [], freeText: '' }, CLERK);
    const page1 = await store.cases.listCases({ offset: 0, limit: 3 });
    expect(page1.total).toBe(7);
    expect(page1.items.map((s) => s.id)).toEqual([ids[2], ids[6], ids[5]]);
    const page3 = await store.cases.listCases({ offset: 6, limit: 3 });
    expect(page3.items.map((s) => s.id)).toEqual([ids[0]]);
    const queued = await store.cases.listCases({ state: 'queued', offset: 0, limit: 10 });
    expect(queued.items.map((s) => s.id)).toEqual([ids[0]]);
    expect((await store.cases.countByState()).draft).toBe(6);
    const created = await Promise.all(ids.map((id) => store.db.cases.get(id).then((row) => row!.createdAt)));
    const middle = await store.cases.listCases({ from: created[1], to: created[4], offset: 1, limit: 10 });
    expect(middle).toMatchObject({ total: 4 });
    expect(middle.items.map((s) => s.id)).toEqual([ids[4], ids[3], ids[1]]);
    const queuedInRange = await store.cases.listCases({ state: 'queued', from: created[1], offset: 0, limit: 10 });
    expect(queuedInRange.total).toBe(0);
  });

  it('finds a case by surname prefix, codice fiscale and case number without storing them in clear', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    await store.cases.saveField(c.id, 'cognome', field('De Lucà'), CLERK);
    await store.cases.saveField(c.id, 'nome', field('Maria'), CLERK);
    await store.cases.saveField(c.id, 'codice_fiscale', field('DLCMRA85D52H501X'), CLERK);
    for (const query of ['luca', 'DE LUCA maria', 'dlcmra85d52h501x', 'RM01-20261123-0001']) {
      const found = await store.cases.listCases({ search: query, offset: 0, limit: 10 });
      expect(found.items.map((s) => s.id), query).toEqual([c.id]);
    }
    expect((await store.cases.listCases({ search: 'rossi', offset: 0, limit: 10 })).total).toBe(0);
    const row = await store.db.cases.get(c.id);
    expect(JSON.stringify(row)).not.toMatch(/LUC|Luc|MARIA|DLCMRA/i);
  });

  it('decides, keeps the case out of edits, reopens before sending and not after', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    await expectStoreError(store.cases.decide(c.id, { outcome: 'refuse', reasonCodes: [], freeText: ' ' }, CLERK), 'store.error.refusalNeedsReason');
    const decided = await store.cases.decide(c.id, { outcome: 'refuse', reasonCodes: ['SURNAME_MISMATCH'], freeText: 'Cognome diverso' }, CLERK);
    expect(decided.state).toBe('queued');
    expect(await store.db.outbox.get(c.id)).toMatchObject({ caseId: c.id, attempts: 0 });
    await expectStoreError(store.cases.saveField(c.id, 'nome', field('X'), CLERK), 'store.error.notEditable');
    const reopened = await store.cases.reopen(c.id, CLERK);
    expect(reopened).toMatchObject({ state: 'draft', decision: null });
    expect(await store.db.outbox.get(c.id)).toBeUndefined();
    await store.cases.decide(c.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, CLERK);
    await store.cases.moveState(c.id, 'sending', 'system:outbox');
    await store.cases.moveState(c.id, 'sent', 'system:outbox');
    await expectStoreError(store.cases.reopen(c.id, CLERK), 'store.error.notReopenable');
    await expectStoreError(store.cases.moveState(c.id, 'draft', 'system:outbox'), 'store.error.badTransition');
  });

  it('stores the refusal notice with the decision, atomically, encrypted, audited, and withdraws it on the next decision', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    const refusal = { outcome: 'refuse' as const, reasonCodes: ['SURNAME_MISMATCH'], freeText: '' };
    const pdf = (text: string) => async () => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF`);
    // A notice that cannot be rendered leaves the case undecided: the outbox never sends a refusal without it.
    await expectStoreError(store.cases.decide(c.id, refusal, CLERK, async () => Promise.reject(new Error('font missing'))), 'store.error.noticeFailed');
    expect((await store.cases.loadCase(c.id, CLERK)).state).toBe('draft');
    expect(await store.db.outbox.get(c.id)).toBeUndefined();

    let seen: string | null = null;
    await store.cases.decide(c.id, refusal, CLERK, async (decided) => {
      seen = `${decided.state}:${decided.decision?.outcome}`;
      return pdf('primo avviso')();
    });
    expect(seen).toBe('queued:refuse');
    const [notice] = await store.cases.listAttachments(c.id);
    expect(notice).toMatchObject({ role: 'avviso-rifiuto', mimeType: 'application/pdf', page: 1 });
    expect(new TextDecoder().decode(await (await store.cases.readAttachment(notice.id)).arrayBuffer())).toContain('primo avviso');
    const sealed = new TextDecoder().decode(await (await store.db.attachmentBlobs.get(notice.id))!.data.arrayBuffer());
    expect(sealed).not.toContain('primo avviso');

    await store.cases.reopen(c.id, CLERK);
    expect(await store.cases.listAttachments(c.id)).toHaveLength(1);
    await store.cases.decide(c.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, CLERK, pdf('mai usato'));
    expect(await store.cases.listAttachments(c.id)).toEqual([]);
    expect(await store.db.attachmentBlobs.get(notice.id)).toBeUndefined();
    const audit = (await store.db.audit.where('caseId').equals(c.id).toArray()).filter((e) => e.action === 'notice').map((e) => e.detail);
    expect(audit).toEqual([`issued:${notice.sha256}`, `withdrawn:${notice.sha256}`]);
  });

  it('reports a tampered case as damaged and keeps the others readable', async () => {
    const { store } = await openTestStore();
    const good = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    const bad = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    await store.cases.saveField(good.id, 'cognome', field('Bianchi'), CLERK);
    const row = (await store.db.cases.get(bad.id))!;
    const data = new Uint8Array(row.sealed.data.slice(0));
    data[3] ^= 0x01;
    await store.db.cases.update(bad.id, { sealed: { iv: row.sealed.iv, data: data.buffer } });
    const list = await store.cases.listCases({ offset: 0, limit: 10 });
    expect(list.items.find((s) => s.id === bad.id)).toMatchObject({ integrity: 'damaged', displayName: null });
    expect(list.items.find((s) => s.id === good.id)).toMatchObject({ integrity: 'ok', displayName: 'Bianchi' });
    await expectStoreError(store.cases.loadCase(bad.id, CLERK), 'store.error.integrity');
  });

  it('detects a ciphertext moved onto another record', async () => {
    const { store } = await openTestStore();
    const a = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    const b = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    const rowA = (await store.db.cases.get(a.id))!;
    await store.db.cases.update(b.id, { sealed: rowA.sealed });
    await expectStoreError(store.cases.loadCase(b.id, CLERK), 'store.error.integrity');
  });

  it('refuses a wrong key before reading anything, and the right key still reads everything', async () => {
    const { store, factory } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    await store.cases.saveField(c.id, 'nome', field('Anna'), CLERK);
    store.close();
    await expectStoreError(openLocalStore({ keyBase64: OTHER_KEY, accounts: testAccountGuard().api, name: 'sportello-test', indexedDB: factory, IDBKeyRange }), 'store.error.wrongKey');
    const again = await openTestStore({ factory });
    expect((await again.store.cases.loadCase(c.id, CLERK)).form.nome?.value).toBe('Anna');
  });

  it('loses nothing when the disk is full during an attachment write', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    await store.cases.saveField(c.id, 'cognome', field('Verdi'), CLERK);
    const kept = await store.cases.attach(c.id, { role: 'modulo', mimeType: 'image/jpeg', page: 1, bytes: jpeg(1) }, CLERK);
    const auditBefore = await store.db.audit.count();
    const full = () => {
      throw new DOMException('simulated full disk', 'QuotaExceededError');
    };
    store.db.attachmentBlobs.hook('creating', full);
    await expectStoreError(store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: jpeg(2) }, CLERK), 'store.error.quota');
    store.db.attachmentBlobs.hook('creating').unsubscribe(full);
    expect(await store.cases.listAttachments(c.id)).toEqual([kept.attachment]);
    expect(await store.db.attachmentBlobs.count()).toBe(1);
    expect(await store.db.audit.count()).toBe(auditBefore);
    expect((await store.cases.loadCase(c.id, CLERK)).form.cognome?.value).toBe('Verdi');
    const retry = await store.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: jpeg(2) }, CLERK);
    expect(retry.duplicate).toBe(false);
  });

  it('saves and reads back encrypted OCR readings', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
    await store.cases.saveReading(c.id, null, { fields: { surname: 'ROSSI' } });
    expect((await store.cases.listReadings(c.id)).map((r) => r.reading)).toEqual([{ fields: { surname: 'ROSSI' } }]);
    expect(JSON.stringify(await store.db.documentReadings.toArray())).not.toContain('ROSSI');
  });
});
