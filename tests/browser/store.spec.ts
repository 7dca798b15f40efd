import { test, expect, enterApp, TEST_ADMIN } from './fixtures';
import fs from 'node:fs/promises';
import type { Page } from '@playwright/test';

/**
 * The local store in real Chromium with the real IndexedDB and WebCrypto: the app's own modules
 * are imported inside the page (dev web mode serves them), and raw IndexedDB is read directly.
 */

type Session = typeof import('../../renderer/store/session');
type LocalStoreModule = typeof import('../../renderer/store/local-store');
type DatabaseModule = typeof import('../../renderer/store/database');
type RetentionModule = typeof import('../../renderer/store/image-retention');
type AccountGuardApi = import('../../renderer/store/clerk-accounts').AccountGuardApi;

declare global {
  interface Window {
    storeTest: { session: Session; localStore: LocalStoreModule; database: DatabaseModule; retention: RetentionModule; accounts: AccountGuardApi };
  }
}

const NAME = { cognome: 'Scarpellini', nome: 'Ottavia', cf: 'SCRTTV85D52H501X' };

/** Signs in through the UI, then exposes the app's store modules (same instances) as window.storeTest. */
async function openApp(page: Page): Promise<void> {
  await enterApp(page);
  await page.evaluate(async () => {
    const load = (path: string) => import(/* @vite-ignore */ path);
    window.storeTest = {
      session: await load('/store/session.ts'),
      localStore: await load('/store/local-store.ts'),
      database: await load('/store/database.ts'),
      retention: await load('/store/image-retention.ts'),
      accounts: await (await load('/platform/sportello-api.ts')).resolveSportelloApi(),
    };
  });
}

/** Creates a case with a name, a codice fiscale, a JPEG and a PDF; returns its id. */
async function createFilledCase(page: Page): Promise<string> {
  return page.evaluate(async (n) => {
    const { store, clerk } = window.storeTest.session.useSession.getState();
    const c = await store!.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: true, urgentReason: `Ricovero di ${n.cognome}` }, clerk!.id);
    const f = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });
    await store!.cases.saveField(c.id, 'cognome', f(n.cognome), clerk!.id);
    await store!.cases.saveField(c.id, 'nome', f(n.nome), clerk!.id);
    await store!.cases.saveField(c.id, 'codice_fiscale', f(n.cf), clerk!.id);
    const jpeg = new Uint8Array(4096).map((_, i) => (i * 7) & 0xff);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    await store!.cases.attach(c.id, { role: 'documento-fronte', mimeType: 'image/jpeg', page: 1, bytes: new Blob([jpeg]) }, clerk!.id);
    await store!.cases.attach(c.id, { role: 'modulo', mimeType: 'application/pdf', page: 1, bytes: new Blob([`%PDF-1.7\n${n.cognome} ${n.cf}\n%%EOF`]) }, clerk!.id);
    return c.id;
  }, NAME);
}

test('raw IndexedDB holds no name, no codice fiscale and no JPEG or PDF signature in clear', async ({ page }) => {
  await openApp(page);
  await createFilledCase(page);
  const found = await page.evaluate(async (needles) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sportello');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const chunks: Uint8Array[] = [];
    const encoder = new TextEncoder();
    async function collect(value: unknown): Promise<void> {
      if (typeof value === 'string') chunks.push(encoder.encode(value));
      else if (value instanceof Blob) chunks.push(new Uint8Array(await value.arrayBuffer()));
      else if (value instanceof ArrayBuffer) chunks.push(new Uint8Array(value));
      else if (ArrayBuffer.isView(value)) chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) await Promise.all([collect(k), collect(v)]);
    }
    let records = 0;
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
      });
      records += rows.length;
      for (const row of rows) await collect(row);
    }
    db.close();
    const contains = (haystack: Uint8Array, needle: number[]) => {
      outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
        for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    const patterns: Record<string, number[]> = {
      surname: Array.from(encoder.encode(needles.cognome.toUpperCase())),
      surnameAsTyped: Array.from(encoder.encode(needles.cognome)),
      name: Array.from(encoder.encode(needles.nome)),
      fiscalCode: Array.from(encoder.encode(needles.cf)),
      jpeg: [0xff, 0xd8, 0xff],
      pdf: Array.from(encoder.encode('%PDF')),
    };
    return { records, hits: Object.keys(patterns).filter((key) => chunks.some((chunk) => contains(chunk, patterns[key]))) };
  }, NAME);
  expect(found.records).toBeGreaterThan(5);
  expect(found.hits).toEqual([]);
});

test('a tampered case or image is reported, never shown, and the other cases stay readable', async ({ page }) => {
  await openApp(page);
  const victim = await createFilledCase(page);
  const outcome = await page.evaluate(async (victimId) => {
    const { store, clerk } = window.storeTest.session.useSession.getState();
    const other = await store!.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, clerk!.id);
    await store!.cases.saveField(other.id, 'cognome', { value: 'Intatto', source: 'clerk', confidence: 1 }, clerk!.id);
    const row = (await store!.db.cases.get(victimId))!;
    const bytes = new Uint8Array(row.sealed.data.slice(0));
    bytes[10] ^= 0x40;
    await store!.db.cases.update(victimId, { sealed: { iv: row.sealed.iv, data: bytes.buffer } });
    const [image] = await store!.cases.listAttachments(victimId);
    const blob = (await store!.db.attachmentBlobs.get(image.id))!;
    const imageBytes = new Uint8Array(await blob.data.arrayBuffer());
    imageBytes[100] ^= 0x01;
    await store!.db.attachmentBlobs.put({ ...blob, data: new Blob([imageBytes]) });
    const errorOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: { messageKey?: string }) => e.messageKey ?? String(e));
    const list = await store!.cases.listCases({ offset: 0, limit: 10 });
    return {
      list: list.items.map((s) => [s.id === victimId ? 'victim' : 'other', s.integrity, s.displayName]),
      load: await errorOf(store!.cases.loadCase(victimId, clerk!.id)),
      image: await errorOf(store!.cases.readAttachment(image.id)),
      otherName: (await store!.cases.loadCase(other.id, clerk!.id)).form.cognome?.value,
    };
  }, victim);
  expect(outcome).toEqual({
    list: [
      ['victim', 'damaged', null],
      ['other', 'ok', 'Intatto'],
    ],
    load: 'store.error.integrity',
    image: 'store.error.integrity',
    otherName: 'Intatto',
  });
});

test('a record corrupted to garbage keeps the rest of the list readable', async ({ page }) => {
  await openApp(page);
  const victim = await createFilledCase(page);
  const list = await page.evaluate(async (victimId) => {
    const { store, clerk } = window.storeTest.session.useSession.getState();
    const other = await store!.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, clerk!.id);
    await store!.db.cases.update(victimId, { sealed: { iv: new Uint8Array(3), data: new ArrayBuffer(0) } });
    const page1 = await store!.cases.listCases({ offset: 0, limit: 10 });
    return page1.items.map((s) => [s.id === victimId ? 'victim' : s.id === other.id ? 'other' : '?', s.integrity]);
  }, victim);
  expect(list).toEqual([
    ['victim', 'damaged'],
    ['other', 'ok'],
  ]);
});

test('a wrong data key is refused before anything is read, and the right key still reads everything', async ({ page }) => {
  await openApp(page);
  const id = await createFilledCase(page);
  const outcome = await page.evaluate(async (caseId) => {
    const { useSession } = window.storeTest.session;
    const { openLocalStore } = window.storeTest.localStore;
    const wrongKey = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const wrong = await openLocalStore({ keyBase64: wrongKey, accounts: window.storeTest.accounts }).then(() => 'opened', (e: { messageKey?: string }) => e.messageKey);
    const { store, clerk } = useSession.getState();
    const still = await store!.cases.loadCase(caseId, clerk!.id);
    return { wrong, surname: still.form.cognome?.value };
  }, id);
  expect(outcome).toEqual({ wrong: 'store.error.wrongKey', surname: NAME.cognome });
  // The same message reaches the clerk when the app itself opens with a wrong key.
  await page.route('**/__main/dataKey%3Aget', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { keyBase64: btoa('k'.repeat(32)), protection: 'browser-profile' } }) }),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('La chiave di cifratura non corrisponde ai dati salvati');
});

test('a full disk during an image write loses nothing already stored', async ({ page }) => {
  await openApp(page);
  const id = await createFilledCase(page);
  const outcome = await page.evaluate(async (caseId) => {
    const { store, clerk } = window.storeTest.session.useSession.getState();
    const before = await store!.cases.listAttachments(caseId);
    const full = () => {
      throw new DOMException('simulated full disk', 'QuotaExceededError');
    };
    store!.db.attachmentBlobs.hook('creating', full);
    const failed = await store!.cases
      .attach(caseId, { role: 'documento-retro', mimeType: 'image/png', page: 1, bytes: new Blob([new Uint8Array(2_000_000).fill(7)]) }, clerk!.id)
      .then(() => 'stored', (e: { messageKey?: string }) => e.messageKey);
    store!.db.attachmentBlobs.hook('creating').unsubscribe(full);
    const after = await store!.cases.listAttachments(caseId);
    const readable = await Promise.all(after.map(async (a) => (await store!.cases.readAttachment(a.id)).size));
    return { failed, before: before.length, after: after.length, readable, surname: (await store!.cases.loadCase(caseId, clerk!.id)).form.cognome?.value };
  }, id);
  expect(outcome).toMatchObject({ failed: 'store.error.quota', before: 2, after: 2, surname: NAME.cognome });
  expect(outcome.readable.every((size) => size > 0)).toBe(true);
});

test('a draft with its scans survives closing the window and signing in again', async ({ page, context }) => {
  await openApp(page);
  const id = await createFilledCase(page);
  const snapshot = (p: Page, caseId: string) =>
    p.evaluate(async (cid) => {
      const { store, clerk } = window.storeTest.session.useSession.getState();
      const record = await store!.cases.loadCase(cid, clerk!.id);
      const attachments = await store!.cases.listAttachments(cid);
      const digests = await Promise.all(
        attachments.map(async (a) => {
          const bytes = await (await store!.cases.readAttachment(a.id)).arrayBuffer();
          return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
        }),
      );
      return { record: { ...record, updatedAt: 0 }, attachments, digests };
    }, caseId);
  const before = await snapshot(page, id);
  await page.close();
  const reopened = await context.newPage();
  await openApp(reopened);
  const after = await snapshot(reopened, id);
  expect(after).toEqual(before);
  expect(after.digests).toEqual(after.attachments.map((a) => a.sha256));
});

test('five wrong passwords lock the account with an Italian message', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('button', { name: 'Esci' }).click();
  const password = page.getByLabel('Password', { exact: true });
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('Nome utente').fill(TEST_ADMIN.username);
    await password.fill(`sbagliata-${i}`);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect(page.getByRole('alert')).toContainText(i < 5 ? 'Nome utente o password non corretti.' : 'Account bloccato dopo troppi tentativi errati');
  }
  await page.getByLabel('Nome utente').fill(TEST_ADMIN.username);
  await password.fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('alert')).toContainText('Account bloccato');
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/store-accesso-bloccato.png', fullPage: true });
});

test('after the configured inactivity the workstation locks and hides personal data', async ({ page }) => {
  await page.clock.install();
  await enterApp(page);
  await page.getByRole('button', { name: 'Operatori' }).click();
  const adminRow = page.getByRole('cell', { name: TEST_ADMIN.displayName });
  await expect(adminRow).toBeVisible();
  await page.clock.fastForward('04:00');
  await expect(adminRow).toBeVisible();
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: 'Postazione bloccata' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/store-postazione-bloccata.png', fullPage: true });
  await page.getByLabel('Password', { exact: true }).fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: 'Sblocca' }).click();
  await expect(page.getByRole('heading', { name: 'Account degli operatori' })).toBeVisible();
});

test('the audit verifier in diagnostics finds the first broken link, and the log exports as JSON', async ({ page }) => {
  await openApp(page);
  await createFilledCase(page);
  await page.getByRole('button', { name: 'Diagnostica' }).click();
  await expect(page.getByTestId('storage-persisted')).not.toHaveText('…');
  await page.getByRole('button', { name: 'Verifica integrità del registro' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registro integro' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Esporta per l’ispettore (JSON)' }).click();
  const exported = JSON.parse(await (await (await download).createReadStream()).toArray().then((parts) => Buffer.concat(parts).toString('utf8')));
  expect(exported.verdict.intact).toBe(true);
  expect(JSON.stringify(exported)).not.toContain(NAME.cf);
  expect(exported.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'edit-field', 'attach', 'export']));
  await page.evaluate(async () => {
    const { store } = window.storeTest.session.useSession.getState();
    await store!.db.audit.update(3, { fields: ['email'] });
  });
  await page.getByRole('button', { name: 'Verifica integrità del registro' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registro alterato' })).toContainText('operazione n. 3');
  await page.screenshot({ path: 'test-results/screens/store-diagnostica-registro.png', fullPage: true });
});

test('diagnostics shows the queue, the last sending error and the OCR files, and exports them for IT without personal data', async ({ page }) => {
  await openApp(page);
  const id = await createFilledCase(page);
  const failedAt = Date.UTC(2026, 10, 27, 9, 30);
  await page.evaluate(
    async ({ caseId, at }) => {
      const { store, clerk } = window.storeTest.session.useSession.getState();
      await store!.cases.decide(caseId, { outcome: 'accept', reasonCodes: [], freeText: '' }, clerk!.id);
      await store!.db.outbox.update(caseId, { lastFailure: { messageKey: 'central.transport.serverError', params: { status: 502 }, action: 'retry', code: null, at } } as never);
    },
    { caseId: id, at: failedAt },
  );
  await page.getByRole('button', { name: 'Diagnostica' }).click();
  await expect(page.getByTestId('diagnostics-waiting')).toHaveText('1 (urgenti: 1)');
  await expect(page.getByTestId('diagnostics-last-failure')).toContainText('ha risposto con un errore (502)');
  await expect(page.getByTestId('diagnostics-ocr')).toContainText('Tutti i file della lettura automatica sono presenti.');
  await expect(page.getByTestId('diagnostics-ocr').getByRole('row')).toHaveCount(8);
  await page.getByRole('button', { name: 'Esporta diagnostica' }).click();
  await expect(page.getByTestId('diagnostics-export-result')).toContainText('File salvato: ');
  await page.screenshot({ path: 'test-results/screens/diagnostica-coda-ocr.png', fullPage: true });
  const file = (await page.getByTestId('diagnostics-export-result').textContent())!.replace(/^File salvato: /, '').trim();
  const text = await fs.readFile(file, 'utf8');
  const report = JSON.parse(text);
  expect(report.queue).toMatchObject({ waiting: 1, urgentWaiting: 1, quarantined: 0, lastFailure: { messageKey: 'central.transport.serverError', at: new Date(failedAt).toISOString() } });
  expect(report.storage).toMatchObject({ cases: 1, casesByState: { queued: 1 }, attachments: 2 });
  expect(report.ocr.assets.every((asset: { ok: boolean; bytes: number }) => asset.ok && asset.bytes > 0)).toBe(true);
  expect(Array.isArray(report.log)).toBe(true);
  for (const personal of [NAME.cognome, NAME.nome, NAME.cf, NAME.cf.toLowerCase(), 'Ricovero']) expect(text).not.toContain(personal);
});

test('retention purges images only after acknowledgement plus the grace period', async ({ page }) => {
  await openApp(page);
  const id = await createFilledCase(page);
  const outcome = await page.evaluate(async (caseId) => {
    const { store, clerk } = window.storeTest.session.useSession.getState();
    const { purgeExpiredImages } = window.storeTest.retention;
    await store!.cases.decide(caseId, { outcome: 'accept', reasonCodes: [], freeText: '' }, clerk!.id);
    const notYetSent = await purgeExpiredImages(store!.db, store!.cipher.auditKey, 0, Date.now() + 365 * 86_400_000);
    for (const state of ['sending', 'sent', 'acknowledged'] as const) await store!.cases.moveState(caseId, state, 'system:outbox');
    const ackedAt = (await store!.db.cases.get(caseId))!.acknowledgedAt!;
    const early = await purgeExpiredImages(store!.db, store!.cipher.auditKey, 30, ackedAt + 29 * 86_400_000);
    const due = await purgeExpiredImages(store!.db, store!.cipher.auditKey, 30, ackedAt + 30 * 86_400_000);
    const metas = await store!.cases.listAttachments(caseId);
    return { notYetSent, early, due: due.length, blobs: await store!.db.attachmentBlobs.count(), metas: metas.map((m) => m.purgedAt !== null), state: (await store!.cases.loadCase(caseId, clerk!.id)).state };
  }, id);
  expect(outcome).toEqual({ notYetSent: [], early: [], due: 1, blobs: 0, metas: [true, true], state: 'acknowledged' });
});

test('a version 1 database is upgraded in Chromium without losing a case', async ({ page }) => {
  await openApp(page);
  const outcome = await page.evaluate(async () => {
    const { createCaseDatabase, LATEST_SCHEMA_VERSION } = window.storeTest.database;
    const { openLocalStore } = window.storeTest.localStore;
    const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    const seedStore = await openLocalStore({ keyBase64: key, accounts: window.storeTest.accounts, name: 'migration-seed', numbering: () => ({ officeCode: 'RM01', workstationCode: '' }) });
    const urgent = await seedStore.cases.createDraft({ profile: null, urgent: true, urgentReason: 'x' }, 'c1');
    await seedStore.cases.saveField(urgent.id, 'cognome', { value: 'Migrato', source: 'clerk', confidence: 1 }, 'c1');
    const normal = await seedStore.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'c1');
    const tables = ['cases', 'attachments', 'attachmentBlobs', 'documentReadings', 'outbox', 'audit', 'clerks', 'settings'];
    const dump = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await seedStore.db.table(t).toArray()] as const)));
    seedStore.close();
    const v1 = createCaseDatabase('migration-v1', { upToVersion: 1 });
    await v1.open();
    for (const t of tables) await v1.table(t).bulkAdd(t === 'cases' ? dump[t].map(({ priority: _p, ...row }: { priority: number }) => row) : dump[t]);
    const v1Version = v1.verno;
    v1.close();
    const upgraded = await openLocalStore({ keyBase64: key, accounts: window.storeTest.accounts, name: 'migration-v1' });
    const list = await upgraded.cases.listCases({ offset: 0, limit: 10 });
    const result = {
      v1Version,
      version: upgraded.db.verno === LATEST_SCHEMA_VERSION,
      order: list.items.map((s) => (s.id === urgent.id ? 'urgent' : s.id === normal.id ? 'normal' : '?')),
      names: list.items.map((s) => s.displayName),
      audit: (await upgraded.audit.verify()).intact,
    };
    upgraded.close();
    return result;
  });
  expect(outcome).toEqual({ v1Version: 1, version: true, order: ['urgent', 'normal'], names: ['Migrato', ''], audit: true });
});

test('a database the browser cannot open gives a clear message, and the data is there once it can', async ({ page }) => {
  await openApp(page);
  const id = await createFilledCase(page);
  // What Chromium reports when the IndexedDB files on disk are damaged or unreadable.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    };
  });
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText(/Il database locale non può essere aperto.*Nessun dato è stato cancellato/);
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/store-database-illeggibile.png', fullPage: true });

  const healthy = await page.context().newPage();
  await openApp(healthy);
  const surname = await healthy.evaluate(async (caseId) => {
    const { store, clerk } = window.storeTest.session.useSession.getState();
    return (await store!.cases.loadCase(caseId, clerk!.id)).form.cognome?.value;
  }, id);
  expect(surname).toBe(NAME.cognome);
});

test('the administrator creates a clerk, who signs in with a personal account and cannot administer', async ({ page }) => {
  await enterApp(page);
  await page.getByRole('button', { name: 'Operatori' }).click();
  const created = page.getByRole('form', { name: 'Crea account' });
  await created.getByLabel('Nome utente').fill('anna.bianchi');
  await created.getByLabel('Nome e cognome dell’operatore').fill('Anna Bianchi');
  await created.getByLabel('Password').fill('corto');
  await created.getByRole('button', { name: 'Crea account' }).click();
  await expect(page.getByRole('alert')).toHaveText('Password troppo debole: almeno 12 caratteri.');
  await created.getByLabel('Password').fill('anna-password-2026');
  await created.getByRole('button', { name: 'Crea account' }).click();
  await expect(page.getByRole('status')).toHaveText('Account «anna.bianchi» creato.');
  await expect(page.getByRole('cell', { name: 'Anna Bianchi' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/store-operatori.png', fullPage: true });

  await page.getByRole('button', { name: 'Esci' }).click();
  await page.getByLabel('Nome utente').fill('anna.bianchi');
  await page.getByLabel('Password', { exact: true }).fill('anna-password-2026');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByText('Operatore: Anna Bianchi')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Operatori' })).toHaveCount(0);
});

for (const [label, tamper] of [
  ['cleared', 'clear'],
  ['edited (a clerk raised to administrator)', 'raise'],
] as const) {
  test(`a clerks table ${label} outside the app is refused in Italian, and no first-run set-up is offered`, async ({ page }) => {
    await enterApp(page);
    if (tamper === 'raise') {
      await page.getByRole('button', { name: 'Operatori' }).click();
      const created = page.getByRole('form', { name: 'Crea account' });
      await created.getByLabel('Nome utente').fill('anna.bianchi');
      await created.getByLabel('Nome e cognome dell’operatore').fill('Anna Bianchi');
      await created.getByLabel('Password').fill('anna-password-2026');
      await created.getByRole('button', { name: 'Crea account' }).click();
      await expect(page.getByRole('status')).toHaveText('Account «anna.bianchi» creato.');
    }
    // What DevTools or an editor on the profile's IndexedDB files could do: raw IndexedDB, no app code.
    await page.evaluate(
      (how) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('sportello');
          open.onsuccess = () => {
            const tx = open.result.transaction('clerks', 'readwrite');
            const clerks = tx.objectStore('clerks');
            if (how === 'clear') clerks.clear();
            else
              clerks.openCursor().onsuccess = (event) => {
                const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
                if (!cursor) return;
                if (cursor.value.role === 'clerk') cursor.update({ ...cursor.value, role: 'admin' });
                cursor.continue();
              };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      tamper,
    );
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('Gli account degli operatori su questa postazione risultano cancellati o modificati fuori dall’applicazione');
    await expect(page.getByRole('heading', { name: 'Primo avvio: creare l’amministratore' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Accesso operatore' })).toHaveCount(0);
  });
}

test('the access screens have no serious or critical accessibility violation', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Primo avvio: creare l’amministratore' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/store-primo-avvio.png', fullPage: true });
  await enterApp(page);
  await page.getByRole('button', { name: 'Operatori' }).click();
  await expect(page.getByRole('heading', { name: 'Account degli operatori' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'Blocca' }).click();
  await expect(page.getByRole('heading', { name: 'Postazione bloccata' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'Accedi con un altro operatore' }).click();
  await expect(page.getByRole('heading', { name: 'Accesso operatore' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/store-accesso.png', fullPage: true });
});
