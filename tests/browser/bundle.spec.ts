import { expectNoSeriousViolations } from './support/axe';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { cannedResponses } from '../support/fault-proxy';
import { test, expect } from './fixtures';
import { caseRow, centralCases, connectWorkstation, expectReceivedOnce, localCase, freshOffice, seedQueuedCase, startSyncRig, type SeededCase, type SyncRig } from './sync-support';

/**
 * The escape hatch of issue 6: workstation A (one browser context, its own IndexedDB) queues cases
 * while the central service is unreachable and exports them to an encrypted bundle; workstation B
 * (another context, enrolled in the same office) imports the file and sends. The real central
 * service (child process) must then hold each case exactly once with every attachment hash equal.
 */

const PASSPHRASE = 'Chiavetta-USB per la sede 2026';

let rig: SyncRig;
let scratch: string;

test.beforeAll(async () => {
  rig = await startSyncRig();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'bundle-spec-'));
});

test.afterAll(async () => {
  await rig?.close();
  await fs.rm(scratch, { recursive: true, force: true });
});

test.beforeEach(() => {
  rig.proxy.setPlan(null);
});


async function workstation(browser: Browser, office: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await connectWorkstation(page, rig, office);
  return page;
}

/** Runs the outbox of that page to the end of one run (the button only starts it). */
async function runOutbox(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const module = '/sync/sync-store.ts';
    const { useSyncStore } = (await import(/* @vite-ignore */ module)) as typeof import('../../renderer/sync/sync-store');
    await useSyncStore.getState().outbox!.syncNow();
  });
}

async function exportBundle(page: Page, passphrase = PASSPHRASE, repeated = passphrase): Promise<string> {
  await page.getByLabel('Passphrase del pacchetto', { exact: true }).fill(passphrase);
  await page.getByLabel('Ripetere la passphrase').fill(repeated);
  await page.getByRole('button', { name: 'Esporta in un pacchetto cifrato' }).click();
  const message = page.getByTestId('bundle-export-message');
  await expect(message).not.toBeEmpty();
  const text = (await message.textContent()) ?? '';
  return /Pacchetto salvato in (.+\.sportello):/.exec(text)?.[1] ?? text;
}

async function importBundle(page: Page, file: string, passphrase = PASSPHRASE): Promise<string> {
  const message = page.getByTestId('bundle-import-message');
  await page.getByLabel('File del pacchetto (.sportello)').setInputFiles(file);
  await page.getByLabel('Passphrase del pacchetto da importare').fill(passphrase);
  await page.getByRole('button', { name: 'Importa pacchetto' }).click();
  await expect(page.getByRole('button', { name: 'Importa pacchetto' })).toBeEnabled();
  await expect(message).not.toBeEmpty();
  return (await message.textContent()) ?? '';
}

async function localCaseCount(page: Page): Promise<number> {
  return page.evaluate(() => window.syncTest.session.useSession.getState().store!.db.cases.count());
}

async function copyWith(file: string, name: string, change: (bytes: Buffer) => Buffer): Promise<string> {
  const target = path.join(scratch, name);
  await fs.writeFile(target, change(await fs.readFile(file)));
  return target;
}

test('cases queued on A while the service is unreachable reach it once through a bundle imported on B; bad files change nothing', async ({ browser }) => {
  test.setTimeout(360_000);
  const office = await freshOffice(rig, 'B');
  const a = await workstation(browser, office);

  // The service becomes unreachable for A: three cases (one urgent) stay queued there.
  rig.proxy.setPlan(() => cannedResponses.unavailable);
  const seeded: SeededCase[] = [await seedQueuedCase(a), await seedQueuedCase(a, { urgent: true, sizes: [200_000, 60_000] }), await seedQueuedCase(a, { sizes: [50_000] })];
  await runOutbox(a);
  await expect(a.getByTestId('sync-connection')).toContainText('Servizio centrale non raggiungibile');
  await expect(a.getByTestId('bundle-exportable')).toHaveText('Pratiche da esportare: 3 (in coda, in invio o da controllare).');

  // The two passphrases must match; then the bundle is saved and A pauses the cases.
  expect(await exportBundle(a, PASSPHRASE, `${PASSPHRASE}x`)).toBe('Le due passphrase non coincidono: riscriverle.');
  const bundleFile = await exportBundle(a);
  expect(bundleFile).toMatch(/bundles\/pratiche-.+\.sportello$/);
  await expect(a.getByTestId('bundle-export-message')).toContainText('3 pratiche esportate. Su questa postazione il loro invio è sospeso.');
  for (const c of seeded) await expect(caseRow(a, c.number)).toContainText('Esportata in un pacchetto: invio sospeso su questa postazione');
  await expect(a.getByTestId('bundle-rollup')).toHaveText('Pratiche esportate in un pacchetto, con invio sospeso su questa postazione: 3.');
  await a.screenshot({ path: 'test-results/screens/50-pacchetto-esportato.png', fullPage: true });
  await expectNoSeriousViolations(a, 'esportazione pacchetto');

  // Personal data never in clear in the file.
  const bytes = await fs.readFile(bundleFile);
  expect(bytes.includes(Buffer.from('ROSSI'))).toBe(false);
  expect(bytes.subarray(0, 16).toString('latin1')).toBe('SPORTELLO-BUNDLE');

  // The service is back: A does not send what it exported...
  rig.proxy.setPlan(null);
  await runOutbox(a);
  await expect(a.getByTestId('sync-connection')).toHaveText('Collegato al servizio centrale.');
  expect(await centralCases(rig, office)).toEqual([]);
  // ...unless the clerk resumes a case there (as if the stick were lost): that one goes from A.
  const resumed = seeded[2];
  await caseRow(a, resumed.number).getByRole('button', { name: 'Riprendi l’invio da questa postazione' }).click();
  await expect(caseRow(a, resumed.number)).toContainText('Confermata dal servizio centrale', { timeout: 60_000 });
  expect((await centralCases(rig, office)).map((c) => c.caseId)).toEqual([resumed.caseId]);

  // B: bad inputs each say what happened and import nothing.
  const b = await workstation(browser, office);
  await b.evaluate(async () => {
    const { store, clerk } = window.syncTest.session.useSession.getState();
    await store!.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, clerk!.id);
  });
  const notBundle = path.join(scratch, 'appunti.sportello');
  await fs.writeFile(notBundle, 'Promemoria: portare la chiavetta in sede.');
  const truncated = await copyWith(bundleFile, 'troncato.sportello', (buf) => buf.subarray(0, buf.length - 5000));
  const tampered = await copyWith(bundleFile, 'alterato.sportello', (buf) => {
    const copy = Buffer.from(buf);
    copy[copy.length - 3000] ^= 0x40;
    return copy;
  });
  expect(await importBundle(b, notBundle)).toContain('Il file scelto non è un pacchetto di pratiche dello Sportello');
  expect(await importBundle(b, bundleFile, 'passphrase sbagliata 2026')).toContain('Passphrase errata: il pacchetto non si apre.');
  expect(await importBundle(b, truncated)).toContain('Il pacchetto è incompleto (il file è stato copiato solo in parte)');
  expect(await importBundle(b, tampered)).toContain('Il pacchetto è danneggiato o è stato modificato dopo l’esportazione');
  expect(await localCaseCount(b)).toBe(1);
  await b.screenshot({ path: 'test-results/screens/51-pacchetto-rifiutato.png', fullPage: true });
  await expectNoSeriousViolations(b, 'importazione pacchetto');

  // The real file: imported whole (B's own draft took number 0001 too: kept and reported), then sent.
  const report = await importBundle(b, bundleFile);
  expect(report).toContain('Pacchetto importato: 3 pratiche aggiunte alla coda di invio di questa postazione.');
  expect(report).toContain(`Con lo stesso numero di una pratica già presente su questa postazione: ${seeded[0].number}.`);
  for (const c of seeded) await expect(caseRow(b, c.number)).toContainText('Confermata dal servizio centrale', { timeout: 60_000 });
  await b.screenshot({ path: 'test-results/screens/52-pacchetto-importato.png', fullPage: true });
  const held = await centralCases(rig, office);
  expect(held.map((c) => c.caseId).sort()).toEqual(seeded.map((c) => c.caseId).sort());
  for (const c of seeded) {
    await expectReceivedOnce(rig, office, c);
    expect(await localCase(b, c.caseId)).toEqual({ state: 'acknowledged', readable: c.attachments.length });
  }

  // The same bundle again: nothing new, each case reported as already present.
  expect(await importBundle(b, bundleFile)).toContain('Tutte le pratiche del pacchetto sono già su questa postazione');

  // A learns from the change feed that the service holds the two cases it exported: acknowledged
  // there too, with the receipt B got (so A's images follow the normal retention).
  await runOutbox(a);
  for (const c of seeded) {
    const protocol = held.find((h) => h.caseId === c.caseId)!.protocolNumber;
    await expect(caseRow(a, c.number)).toContainText(`Protocollo ${protocol}`);
    await expect(caseRow(b, c.number)).toContainText(`Protocollo ${protocol}`);
    expect(await localCase(a, c.caseId)).toEqual({ state: 'acknowledged', readable: c.attachments.length });
  }
  await expect(a.getByTestId('sync-rollup')).toHaveText('Tutte le pratiche sono state ricevute dal servizio centrale.');
  expect((await centralCases(rig, office)).length).toBe(3);
});

test('a bundle of another office is refused on import, and nothing is imported', async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await freshOffice(rig, 'B');
  const otherOffice = await freshOffice(rig, 'B');
  const a = await workstation(browser, office);
  rig.proxy.setPlan(() => cannedResponses.unavailable);
  await seedQueuedCase(a, { sizes: [40_000] });
  const bundleFile = await exportBundle(a);
  rig.proxy.setPlan(null);
  const c = await workstation(browser, otherOffice);
  expect(await importBundle(c, bundleFile)).toBe(
    `Il pacchetto contiene pratiche della sede ${office}, ma questa postazione è registrata per la sede ${otherOffice}: importarlo su una postazione della sede ${office}. Nessuna pratica è stata importata.`,
  );
  expect(await localCaseCount(c)).toBe(0);
});
