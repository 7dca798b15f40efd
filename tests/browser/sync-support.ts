import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { freePort, startChildCentral, type ChildCentral } from '../../central/tests/child-central';
import { ADMIN_TOKEN, call } from '../../central/tests/harness';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy';
import { enterApp, expect } from './fixtures';

type Session = typeof import('../../renderer/store/session');
type Documents = typeof import('../../renderer/documents/applicant-documents');
type AppStore = typeof import('../../renderer/app/app-store');

declare global {
  interface Window {
    syncTest: { session: Session; app: AppStore };
  }
}

/** The real central service in a child process (so it can be SIGKILLed) behind the fault proxy, on loopback. */
export interface SyncRig {
  central: ChildCentral;
  proxy: FaultProxy;
  dataDir: string;
  port: number;
  restartCentral(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncRig(): Promise<SyncRig> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sync-spec-central-'));
  const port = await freePort();
  // The rig's own checks read every archived attachment through the admin routes (600 in the
  // soak): they are the inspector, not the abuse the per-client admin rate limit is there for.
  const env = { CENTRAL_ADMIN_REQUESTS_PER_MINUTE: '100000' };
  const rig: SyncRig = {
    central: await startChildCentral({ dataDir, port, env }),
    proxy: null as unknown as FaultProxy,
    dataDir,
    port,
    async restartCentral() {
      await rig.central.kill('SIGKILL');
      rig.central = await startChildCentral({ dataDir, port, env });
    },
    async close() {
      await rig.proxy.close();
      await rig.central.kill('SIGTERM');
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
  rig.proxy = await startFaultProxy({ target: rig.central.url });
  return rig;
}

/**
 * A canned answer the page may read: a browser hides any cross-origin answer without CORS headers
 * and reports a network failure instead.
 */
export function readableByPage(fault: Fault): Fault {
  return fault.kind === 'respond' ? { ...fault, headers: { 'Access-Control-Allow-Origin': '*' } } : fault;
}

let officeSeq = 0;

/** A new office with a name unique to this run (`prefix` names the spec): its case list is the test's alone. */
export async function freshOffice(rig: SyncRig, prefix: string): Promise<string> {
  officeSeq += 1;
  const office = `${prefix}${process.pid % 1000}T${officeSeq}`;
  await newOffice(rig, office);
  return office;
}

/** A fresh office per test, so "exactly the cases sent" is the office's whole list. */
export async function newOffice(rig: SyncRig, officeCode: string): Promise<void> {
  const created = await call(rig.central.url, 'PUT', `/api/v1/admin/offices/${officeCode}`, { token: ADMIN_TOKEN, body: { name: `Sede ${officeCode}` } });
  expect([200, 201]).toContain(created.status);
}

export async function issueEnrollmentCode(rig: SyncRig, officeCode: string): Promise<string> {
  const issued = await call<{ enrollmentCode: string }>(rig.central.url, 'POST', `/api/v1/admin/offices/${officeCode}/enrollment-codes`, { token: ADMIN_TOKEN, body: {} });
  expect(issued.status).toBe(201);
  return issued.body.enrollmentCode;
}

export interface CentralCaseView {
  caseId: string;
  protocolNumber: string;
  attachments: { attachmentId: string; sha256: string; size: number }[];
}

/** Every case the service holds for the office, with the hashes of what it archived. */
export async function centralCases(rig: SyncRig, officeCode: string): Promise<CentralCaseView[]> {
  const caseIds: string[] = [];
  let cursor: string | null = null;
  do {
    const query = `officeCode=${officeCode}&limit=500${cursor === null ? '' : `&cursor=${cursor}`}`;
    const list: { status: number; body: { cases: { caseId: string }[]; nextCursor: string | null } } = await call(rig.central.url, 'GET', `/api/v1/admin/cases?${query}`, { token: ADMIN_TOKEN });
    expect(list.status).toBe(200);
    caseIds.push(...list.body.cases.map((c) => c.caseId));
    cursor = list.body.nextCursor;
  } while (cursor !== null);
  return Promise.all(
    caseIds.map(async (caseId) => {
      const detail = await call<{ receipt: { protocolNumber: string; attachments: CentralCaseView['attachments'] } }>(rig.central.url, 'GET', `/api/v1/admin/cases/${caseId}`, { token: ADMIN_TOKEN });
      return { caseId, protocolNumber: detail.body.receipt.protocolNumber, attachments: detail.body.receipt.attachments };
    }),
  );
}

/** SHA-256 of the archived bytes of one attachment, read back from the service. */
export async function archivedSha256(rig: SyncRig, caseId: string, attachmentId: string): Promise<string> {
  const response = await fetch(`${rig.central.url}/api/v1/admin/cases/${caseId}/attachments/${attachmentId}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex');
}

/** Signs in and exposes the app's own session and app store modules (same instances) as window.syncTest. */
export async function openApp(page: Page): Promise<void> {
  await enterApp(page);
  await page.evaluate(async () => {
    const load = (module: string) => import(/* @vite-ignore */ module);
    window.syncTest = { session: await load('/store/session.ts'), app: await load('/app/app-store.ts') };
  });
}

/**
 * Points the workstation at `serviceUrl` and reloads, so the dev server's CSP allows that origin,
 * and opens the "Invio" screen.
 */
export async function configureService(page: Page, serviceUrl: string): Promise<void> {
  await openApp(page);
  await page.evaluate(async (url) => {
    const { app } = window.syncTest;
    const state = app.useAppStore.getState();
    state.applySettings(await state.api!['settings:update']({ centralServiceUrl: url }));
  }, serviceUrl);
  await openApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Invio' }).click();
}

/** Configures the service and enrolls through the "Invio" screen with a fresh activation code. */
export async function connectWorkstation(page: Page, rig: SyncRig, officeCode: string, serviceUrl = rig.proxy.url): Promise<void> {
  await configureService(page, serviceUrl);
  await enroll(page, officeCode, await issueEnrollmentCode(rig, officeCode));
  await expect(page.getByTestId('sync-connection')).toHaveText('Collegato al servizio centrale.');
}

/** Fills and submits the enrollment form of the "Invio" screen. */
export async function submitEnrollment(page: Page, officeCode: string, code: string): Promise<void> {
  await page.getByLabel('Codice sede').fill(officeCode);
  await page.getByLabel('Codice di attivazione').fill(code);
  await page.getByLabel('Nome della postazione').fill('Sportello prova');
  await page.getByRole('button', { name: 'Registra postazione' }).click();
}

export async function enroll(page: Page, officeCode: string, code: string): Promise<void> {
  await submitEnrollment(page, officeCode, code);
  await expect(page.getByText(/Postazione registrata (come|:) Sportello prova/).first()).toBeVisible();
}

export interface SeededCase {
  caseId: string;
  number: string;
  /** `sha256` is computed from the generated bytes before the store sees them: what was queued. */
  attachments: { id: string; sha256: string; size: number }[];
}

/**
 * Decides a case with a form PDF and the two ID sides (random, incompressible bytes of the given
 * sizes) through the app's own store, exactly as the wizard does: the decision puts it in the outbox.
 */
export async function seedQueuedCase(page: Page, options: { sizes?: number[]; urgent?: boolean; refuse?: boolean } = {}): Promise<SeededCase> {
  const sizes = options.sizes ?? [120_000, 90_000, 90_000];
  return page.evaluate(
    async ({ sizes, urgent, refuse, documentsUrl }) => {
      const { store, clerk } = window.syncTest.session.useSession.getState();
      const cases = store!.cases;
      const created = await cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent, urgentReason: urgent ? 'pronto soccorso' : '' }, clerk!.id);
      const field = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });
      await cases.saveField(created.id, 'cognome', field('ROSSI'), clerk!.id);
      await cases.saveField(created.id, 'nome', field('MARIO'), clerk!.id);
      const roles = ['modulo', 'documento-fronte', 'documento-retro'] as const;
      const attachments: { id: string; sha256: string; size: number }[] = [];
      for (const [index, size] of sizes.entries()) {
        const bytes = new Uint8Array(size);
        for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
        const { attachment } = await cases.attach(created.id, { role: roles[index], mimeType: index === 0 ? 'application/pdf' : 'image/jpeg', page: 1, bytes: new Blob([bytes]) }, clerk!.id);
        attachments.push({ id: attachment.id, sha256, size });
      }
      if (refuse) {
        // As the decision step does: the notice rendered from the decided case is stored with the decision.
        const documents = (await import(/* @vite-ignore */ documentsUrl)) as Documents;
        const office = { officeCode: 'RM01', officeName: 'Sede di prova', officeAddress: 'Via di prova 1, Roma' };
        const render = async (decided: Parameters<Documents['renderRefusalNoticePdf']>[0]['record']) => (await documents.renderRefusalNoticePdf({ record: decided, office, reasons: [], now: new Date() })).pdf;
        await cases.decide(created.id, { outcome: 'refuse', reasonCodes: ['SURNAME_MISMATCH'], freeText: '' }, clerk!.id, render);
        for (const notice of (await cases.listAttachments(created.id)).filter((a) => a.role === 'avviso-rifiuto')) attachments.push({ id: notice.id, sha256: notice.sha256, size: notice.size });
      } else {
        await cases.decide(created.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, clerk!.id);
      }
      return { caseId: created.id, number: created.number, attachments };
    },
    { sizes, urgent: options.urgent ?? false, refuse: options.refuse ?? false, documentsUrl: '/documents/applicant-documents.ts' },
  );
}

/** The local case's state and whether every attachment still reads back with its hash (nothing deleted). */
export async function localCase(page: Page, caseId: string): Promise<{ state: string; readable: number }> {
  return page.evaluate(async (id) => {
    const { store } = window.syncTest.session.useSession.getState();
    const row = await store!.db.cases.get(id);
    let readable = 0;
    for (const attachment of await store!.cases.listAttachments(id)) {
      await store!.cases.readAttachment(attachment.id);
      readable += 1;
    }
    return { state: row?.state ?? 'missing', readable };
  }, caseId);
}

export function caseRow(page: Page, number: string) {
  return page.locator(`tr[data-case-number="${number}"]`);
}

export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Invia ora' }).click();
}

/** Exactly one copy of the case on the service, with every attachment hash equal to the local one, archived bytes included. */
export async function expectReceivedOnce(rig: SyncRig, officeCode: string, seeded: SeededCase): Promise<void> {
  const held = await centralCases(rig, officeCode);
  expect(held.filter((c) => c.caseId === seeded.caseId)).toHaveLength(1);
  const received = held.find((c) => c.caseId === seeded.caseId)!;
  const expected = seeded.attachments.map((a) => ({ attachmentId: a.id, sha256: a.sha256, size: a.size }));
  expect([...received.attachments].sort((a, b) => a.attachmentId.localeCompare(b.attachmentId))).toEqual(expected.sort((a, b) => a.attachmentId.localeCompare(b.attachmentId)));
  for (const attachment of seeded.attachments) expect(await archivedSha256(rig, seeded.caseId, attachment.id)).toBe(attachment.sha256);
}
