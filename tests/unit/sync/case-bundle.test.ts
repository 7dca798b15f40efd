import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BundleError, sealBundle } from '../../../renderer/sync/case-bundle-cipher';
import { exportQueuedCases, exportSummary, resumeSendingHere, type CaseBundleExportDeps } from '../../../renderer/sync/case-bundle-export';
import { importCaseBundle, importedHistoryKey } from '../../../renderer/sync/case-bundle-import';
import { outboxTable, PARKED } from '../../../renderer/sync/outbox-entry';
import { createOutbox } from '../../../renderer/sync/outbox';
import type { LocalStore } from '../../../renderer/store/local-store';
import { StoreError } from '../../../renderer/store/store-error';
import { field, OTHER_KEY, openTestStore } from '../store/open-test-store';

const CLERK = 'clerk-1';
const PASSPHRASE = 'una passphrase lunga abbastanza';
const SOURCE = { officeCode: 'RM01', workstationId: 'ws-a', workstationName: 'Sportello A' };

async function decidedCase(store: LocalStore, surname: string, sizes = [300, 200]) {
  const created = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: false, urgentReason: '' }, CLERK);
  await store.cases.saveField(created.id, 'cognome', field(surname), CLERK);
  const roles = ['modulo', 'documento-fronte', 'documento-retro'] as const;
  for (const [i, size] of sizes.entries()) {
    await store.cases.attach(created.id, { role: roles[i], mimeType: 'image/jpeg', page: 1, bytes: new Blob([Uint8Array.from({ length: size }, (_, k) => (k * (i + 3)) % 256)]) }, CLERK);
  }
  await store.cases.decide(created.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, CLERK);
  return created;
}

function exportDeps(store: LocalStore, files: Map<string, Uint8Array>, overrides: Partial<CaseBundleExportDeps> = {}): CaseBundleExportDeps {
  return {
    store,
    clock: () => Date.UTC(2026, 10, 27, 9, 0),
    save: async (name, bytes) => {
      files.set(name, bytes);
      return { saved: true, path: `/media/usb/${name}` };
    },
    whileOutboxPaused: (work) => work(),
    iterations: 100_000,
    ...overrides,
  };
}

const request = { passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE, clerkId: CLERK, source: SOURCE };

/** Workstation A with two queued cases and one draft, and workstation B (another store, another key). */
async function twoWorkstations() {
  const a = await openTestStore();
  const first = await decidedCase(a.store, 'ROSSI');
  a.now.value += 60_000;
  const second = await decidedCase(a.store, 'BIANCHI', [100]);
  await a.store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, CLERK);
  const b = await openTestStore({ factory: new IDBFactory(), key: OTHER_KEY });
  return { a: a.store, b: b.store, first, second };
}

async function exportOnce(store: LocalStore) {
  const files = new Map<string, Uint8Array>();
  const outcome = await exportQueuedCases(exportDeps(store, files), request);
  return { outcome, bytes: [...files.values()][0] };
}

async function problemOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof BundleError || error instanceof StoreError) return error.messageKey;
    throw error;
  }
  return 'done';
}

describe('case bundle export and import', () => {
  it('moves every queued case with its decision and byte-identical attachments, and pauses them on the exporting workstation', async () => {
    const { a, b, first, second } = await twoWorkstations();
    expect(await exportSummary(a)).toEqual({ exportable: 2, undecided: 1 });
    const { outcome, bytes } = await exportOnce(a);
    expect(outcome).toEqual({ kind: 'saved', path: '/media/usb/pratiche-RM01-20261127-0900.sportello', exported: 2, remaining: 0 });
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('ROSSI');

    // A: paused, still whole, audited
    for (const id of [first.id, second.id]) {
      const entry = await outboxTable(a.db).get(id);
      expect(entry?.exported?.bundleId).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry?.nextAttemptAt).toBe(PARKED);
      expect((await a.audit.forCase(id)).at(-1)).toMatchObject({ action: 'export', detail: `bundle:${entry?.exported?.bundleId}` });
    }
    expect(await exportSummary(a)).toEqual({ exportable: 0, undecided: 1 });
    expect(await problemOf(a.cases.reopen(first.id, CLERK))).toBe('store.error.exportedCase');

    // B: its own first case of the day took the number 0001 too; the import keeps both
    const own = await b.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'clerk-b');
    expect(own.number).toBe(first.number);
    const report = await importCaseBundle({ store: b, clock: () => Date.UTC(2026, 10, 27, 10, 0) }, { bytes, passphrase: PASSPHRASE, clerkId: 'clerk-b', officeCode: 'RM01' });
    expect(report).toEqual({ imported: [first.number, second.number], skipped: [], collisions: [first.number] });
    for (const id of [first.id, second.id]) {
      const onA = await a.cases.loadCase(id, CLERK);
      const onB = await b.cases.loadCase(id, 'clerk-b');
      expect({ ...onB, updatedAt: 0 }).toEqual({ ...onA, updatedAt: 0 });
      const metasA = await a.cases.listAttachments(id);
      expect(await b.cases.listAttachments(id)).toEqual(metasA);
      for (const meta of metasA) expect(new Uint8Array(await (await b.cases.readAttachment(meta.id)).arrayBuffer())).toEqual(new Uint8Array(await (await a.cases.readAttachment(meta.id)).arrayBuffer()));
      expect(await outboxTable(b.db).get(id)).toMatchObject({ attempts: 0, nextAttemptAt: Date.UTC(2026, 10, 27, 10, 0) });
      expect((await outboxTable(b.db).get(id))?.exported).toBeUndefined();
      expect((await b.audit.forCase(id)).map((e) => e.action)).toEqual(['import', 'view']);
      expect(await b.db.settings.get(importedHistoryKey(id))).toBeDefined();
    }
    expect(await b.audit.verify()).toMatchObject({ intact: true });
    // B's own next case of that day does not reuse the imported numbers
    const next = await b.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'clerk-b');
    expect(next.number > second.number).toBe(true);
  });

  it('skips cases already present and reports them; importing the same bundle twice adds nothing', async () => {
    const { a, b, first, second } = await twoWorkstations();
    const { bytes } = await exportOnce(a);
    const deps = { store: b, clock: () => Date.now() };
    await importCaseBundle(deps, { bytes, passphrase: PASSPHRASE, clerkId: 'clerk-b', officeCode: 'RM01' });
    const auditBefore = (await b.db.audit.count());
    expect(await importCaseBundle(deps, { bytes, passphrase: PASSPHRASE, clerkId: 'clerk-b', officeCode: 'RM01' })).toEqual({ imported: [], skipped: [first.number, second.number], collisions: [] });
    expect(await b.db.audit.count()).toBe(auditBefore);
    expect(await b.db.cases.count()).toBe(2);
    expect(await b.audit.verify()).toMatchObject({ intact: true });
  });

  it('refuses a wrong passphrase, another office, a tampered or truncated file, and an unenrolled workstation, changing nothing', async () => {
    const { a, b } = await twoWorkstations();
    const { bytes } = await exportOnce(a);
    const deps = { store: b, clock: () => Date.now() };
    const attempt = (over: Partial<{ bytes: Uint8Array; passphrase: string; officeCode: string | null }>) =>
      problemOf(importCaseBundle(deps, { bytes, passphrase: PASSPHRASE, clerkId: 'clerk-b', officeCode: 'RM01', ...over }));
    const tampered = bytes.slice();
    tampered[tampered.length - 100] ^= 0xff;
    expect(await attempt({ passphrase: 'un’altra passphrase sbagliata' })).toBe('bundle.error.wrongPassphrase');
    expect(await attempt({ officeCode: 'MI02' })).toBe('bundle.error.otherOffice');
    expect(await attempt({ officeCode: null })).toBe('bundle.error.notEnrolled');
    expect(await attempt({ bytes: tampered })).toBe('bundle.error.damaged');
    expect(await attempt({ bytes: bytes.subarray(0, bytes.length - 1000) })).toBe('bundle.error.truncated');
    expect(await attempt({ bytes: new TextEncoder().encode('From: a@b\r\nMIME-Version: 1.0\r\n') })).toBe('bundle.error.notABundle');
    expect(await b.db.cases.count()).toBe(0);
    expect(await b.db.attachments.count()).toBe(0);
    expect(await outboxTable(b.db).count()).toBe(0);
  });

  it('refuses a well-encrypted bundle whose attachment does not match its recorded hash', async () => {
    const { a, b } = await twoWorkstations();
    const { bytes } = await exportOnce(a);
    // Re-seal the same manifest with one attachment's bytes changed (a forged bundle with the passphrase).
    const { openBundle } = await import('../../../renderer/sync/case-bundle-cipher');
    const opened = await openBundle(bytes, PASSPHRASE);
    const forged = opened.frames.map((f) => f.slice());
    forged[1][0] ^= 0xff;
    const resealed = await sealBundle(PASSPHRASE, opened.facts, forged, { iterations: 100_000 });
    expect(await problemOf(importCaseBundle({ store: b, clock: () => Date.now() }, { bytes: resealed, passphrase: PASSPHRASE, clerkId: 'clerk-b', officeCode: 'RM01' }))).toBe('bundle.error.damaged');
    expect(await b.db.cases.count()).toBe(0);
  });

  it('changes nothing when the save is cancelled, and checks the passphrase twice', async () => {
    const { a, first } = await twoWorkstations();
    const files = new Map<string, Uint8Array>();
    expect(await exportQueuedCases(exportDeps(a, files, { save: async () => ({ saved: false, path: null }) }), request)).toEqual({ kind: 'cancelled' });
    expect((await outboxTable(a.db).get(first.id))?.exported).toBeUndefined();
    expect(await problemOf(exportQueuedCases(exportDeps(a, files), { ...request, passphraseRepeat: `${PASSPHRASE}!` }))).toBe('bundle.export.passphraseMismatch');
    expect(await problemOf(exportQueuedCases(exportDeps(a, files), { ...request, passphrase: 'corta', passphraseRepeat: 'corta' }))).toBe('bundle.export.passphraseShort');
    expect(await problemOf(exportQueuedCases(exportDeps(a, files), { ...request, source: { ...SOURCE, officeCode: '' } }))).toBe('bundle.export.noOffice');
  });

  it('takes what fits in one bundle, oldest first, and leaves the rest for the next export', async () => {
    const { a, first, second } = await twoWorkstations();
    const files = new Map<string, Uint8Array>();
    const outcome = await exportQueuedCases(exportDeps(a, files, { maxBytes: 1024 * 1024 + 550 }), request);
    expect(outcome).toMatchObject({ kind: 'saved', exported: 1, remaining: 1 });
    expect((await outboxTable(a.db).get(first.id))?.exported).toBeTruthy();
    expect((await outboxTable(a.db).get(second.id))?.exported).toBeUndefined();
    expect(await problemOf(exportQueuedCases(exportDeps(a, files, { maxBytes: 1024 * 1024 + 10 }), request))).toBe('bundle.export.caseTooLarge');
  });

  it('an exported case is never sent from the exporting workstation until the clerk resumes it there', async () => {
    const { a, first } = await twoWorkstations();
    await exportOnce(a);
    const outbox = createOutbox({ store: a, serviceUrl: () => '' });
    expect(await problemOf(outbox.sendBack(first.id, CLERK))).toBe('store.error.exportedCase');
    await outbox.syncNow();
    expect((await outboxTable(a.db).get(first.id))?.nextAttemptAt).toBe(PARKED);
    await resumeSendingHere(a, first.id, CLERK, () => 1234);
    expect(await outboxTable(a.db).get(first.id)).toMatchObject({ exported: null, nextAttemptAt: 1234 });
    expect((await a.audit.forCase(first.id)).at(-1)).toMatchObject({ action: 'export', detail: expect.stringMatching(/^resume-here:bundle:/) });
    expect(await exportSummary(a)).toMatchObject({ exportable: 1 });
  });
});
