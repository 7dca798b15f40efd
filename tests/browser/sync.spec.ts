import { cannedResponses, faultFirst, type Fault, type ProxiedRequest } from '../support/fault-proxy';
import { startUntrustedTlsServer } from '../support/untrusted-tls-server';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './support/axe';
import {
  caseRow,
  centralCases,
  configureService,
  connectWorkstation,
  enroll,
  expectReceivedOnce,
  issueEnrollmentCode,
  localCase,
  freshOffice,
  openApp,
  readableByPage,
  seedQueuedCase,
  startSyncRig,
  submitEnrollment,
  syncNow,
  type SeededCase,
  type SyncRig,
} from './sync-support';
import { freePort } from '../../central/tests/child-central';
import { ADMIN_TOKEN, call, enrollWorkstation, sampleAttachments, sendCase } from '../../central/tests/harness';

/**
 * The outbox in real Chromium against the real central service (child process, temp data dir)
 * with the fault proxy in between. Each test has its own office, so the office's case list on the
 * service is exactly what that test sent.
 */

let rig: SyncRig;

test.beforeAll(async () => {
  rig = await startSyncRig();
});

test.afterAll(async () => {
  await rig?.close();
});

test.beforeEach(() => {
  rig.proxy.setPlan(null);
});


const isCasePut = (r: ProxiedRequest) => r.method === 'PUT' && r.path.startsWith('/api/v1/cases/');
const isPatch = (r: ProxiedRequest) => r.method === 'PATCH';
const isUploadCreation = (r: ProxiedRequest) => r.method === 'POST' && r.path === '/api/v1/uploads';

test('a queued case with three attachments reaches the service exactly once, every hash equal, with the receipt on screen', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const seeded = await seedQueuedCase(page);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale');
  await expect(caseRow(page, seeded.number)).toContainText(new RegExp(`Protocollo ${office}-\\d{4}-\\d{7}`));
  await expect(page.getByTestId('sync-rollup')).toHaveText('Tutte le pratiche sono state ricevute dal servizio centrale.');
  await expectReceivedOnce(rig, office, seeded);
  expect((await centralCases(rig, office)).length).toBe(1);
  // A call quoting the number printed on the counter receipt finds the case at the service.
  const quoted = await call<{ cases: { caseId: string; caseNumber: string }[] }>(rig.central.url, 'GET', `/api/v1/admin/cases?officeCode=${office}&caseNumber=${seeded.number}`, { token: ADMIN_TOKEN });
  expect(quoted.body.cases).toEqual([expect.objectContaining({ caseId: seeded.caseId, caseNumber: seeded.number })]);
  expect(rig.proxy.records.filter(isUploadCreation).length).toBeGreaterThanOrEqual(3);
  expect(await localCase(page, seeded.caseId)).toEqual({ state: 'acknowledged', readable: 3 });
});

test('a case decided while the outbox waits goes at once, without pressing Invia ora', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  // The next scheduled run is 30 s away (the change-feed interval): only the wake-up can send it sooner.
  const seeded = await seedQueuedCase(page, { sizes: [20_000, 20_000, 20_000] });
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 20_000 });
  await expectReceivedOnce(rig, office, seeded);
});

test('a refused case travels with the refusal notice stored at the decision: the service holds it as its refusal-notice attachment, hash equal', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const seeded = await seedQueuedCase(page, { refuse: true });
  expect(seeded.attachments).toHaveLength(4);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale');
  await expectReceivedOnce(rig, office, seeded);
  const notice = seeded.attachments[3];
  const detail = await call<{ submission: { attachments: { attachmentId: string; role: string; mediaType: string }[] } }>(rig.central.url, 'GET', `/api/v1/admin/cases/${seeded.caseId}`, { token: ADMIN_TOKEN });
  expect(detail.body.submission.attachments.find((a) => a.attachmentId === notice.id)).toMatchObject({ role: 'refusal-notice', mediaType: 'application/pdf' });
});

const SERVICE_ANSWERS: { name: string; fault: Fault; message: string }[] = [
  { name: '500 from the service', fault: readableByPage(cannedResponses.internalError), message: 'Errore interno del servizio centrale: riprovare più tardi.' },
  { name: '502 HTML page from a proxy', fault: readableByPage(cannedResponses.badGatewayHtml), message: 'Il servizio centrale o un apparato di rete ha risposto con un errore (502).' },
  { name: '503 plain text', fault: readableByPage(cannedResponses.unavailable), message: 'Il servizio centrale o un apparato di rete ha risposto con un errore (503).' },
  { name: '200 with garbage', fault: readableByPage(cannedResponses.okGarbage), message: 'La risposta (200) non proviene dal servizio centrale' },
  { name: '200 with an HTML login page', fault: readableByPage(cannedResponses.okHtml), message: 'La risposta (200) non proviene dal servizio centrale' },
  // Unreadable in the page; main's own look finds the service answering, so something in between interfered.
  { name: '502 HTML page without CORS headers', fault: cannedResponses.badGatewayHtml, message: 'Il servizio centrale risponde, ma la sua risposta non arriva leggibile a questa postazione' },
];

test('case submission answered with 500/502/503/garbage/HTML (each in turn): Italian message kept on the case, nothing deleted, drains by itself once the fault stops', async ({ page }) => {
  test.setTimeout(180_000);
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const sent: SeededCase[] = [];
  for (const { name, fault, message } of SERVICE_ANSWERS) {
    await test.step(name, async () => {
      rig.proxy.setPlan((r) => (isCasePut(r) ? fault : null));
      const seeded = await seedQueuedCase(page);
      await syncNow(page);
      await expect(caseRow(page, seeded.number)).toContainText(message);
      expect(await localCase(page, seeded.caseId)).toMatchObject({ readable: 3 });
      expect((await centralCases(rig, office)).map((c) => c.caseId)).not.toContain(seeded.caseId);
      rig.proxy.setPlan(null);
      await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
      sent.push(seeded);
    });
  }
  for (const seeded of sent) await expectReceivedOnce(rig, office, seeded);
  expect((await centralCases(rig, office)).length).toBe(sent.length);
});

test('connection cut mid-upload: the upload resumes from the server offset (nothing re-sent beyond one chunk) and the queue drains by itself', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  rig.proxy.setPlan(faultFirst(isPatch, { kind: 'cut-request', afterBytes: 1_000_000 }));
  const seeded = await seedQueuedCase(page, { sizes: [2_500_000, 2_000_000, 2_000_000] });
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
  await expectReceivedOnce(rig, office, seeded);
  const total = seeded.attachments.reduce((sum, a) => sum + a.size, 0);
  const delivered = rig.proxy.records.filter(isPatch).reduce((sum, r) => sum + r.upstreamBodyBytes, 0);
  const resent = delivered - total;
  test.info().annotations.push({ type: 'bytes re-sent after the cut', description: String(resent) });
  expect(rig.proxy.records.some((r) => r.fault === 'cut-request')).toBe(true);
  expect(resent).toBeGreaterThanOrEqual(0);
  expect(resent).toBeLessThanOrEqual(8 * 1024 * 1024);
});

test('413 from a middlebox quarantines the case with the reason, others go on, and the clerk can queue it again', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const blocked = await seedQueuedCase(page, { urgent: true });
  rig.proxy.setPlan(faultFirst(isCasePut, readableByPage(cannedResponses.tooLargeHtml)));
  const other = await seedQueuedCase(page);
  await syncNow(page);
  await expect(caseRow(page, blocked.number)).toContainText('Da verificare');
  await expect(caseRow(page, blocked.number)).toContainText('Un apparato di rete ha rifiutato la richiesta perché troppo grande (413)');
  await expect(caseRow(page, other.number)).toContainText('Confermata dal servizio centrale');
  await expect(page.getByTestId('sync-rollup')).toHaveText('Attenzione: alcune pratiche richiedono un intervento.');
  expect(await localCase(page, blocked.caseId)).toEqual({ state: 'needs-attention', readable: 3 });
  await caseRow(page, blocked.number).getByRole('button', { name: 'Rimetti in coda' }).click();
  await expect(caseRow(page, blocked.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
  await expectReceivedOnce(rig, office, blocked);
  await expectReceivedOnce(rig, office, other);
  expect((await centralCases(rig, office)).length).toBe(2);
});

test('a case the service refuses as such (same id, different content: 409) is quarantined with the service reason and does not block the next case', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  // Hold the outbox off while another workstation of the office registers different content under the same case id.
  rig.proxy.setPlan(() => readableByPage(cannedResponses.unavailable));
  const clashing = await seedQueuedCase(page, { urgent: true });
  const other = await enrollWorkstation(rig.central.url, office, 'Altra postazione');
  expect((await sendCase(rig.central.url, other.token, sampleAttachments([1000]), clashing.caseId)).response.status).toBe(201);
  const next = await seedQueuedCase(page);
  rig.proxy.setPlan(null);
  await syncNow(page);
  await expect(caseRow(page, clashing.number)).toContainText('Da verificare');
  await expect(caseRow(page, clashing.number)).toContainText('Esiste già una pratica con questo identificativo ma con contenuto diverso');
  await expect(caseRow(page, next.number)).toContainText('Confermata dal servizio centrale');
  await expect(page.getByTestId('sync-rollup')).toHaveText('Attenzione: alcune pratiche richiedono un intervento.');
  expect(await localCase(page, clashing.caseId)).toEqual({ state: 'needs-attention', readable: 3 });
  await expectReceivedOnce(rig, office, next);
});

test('an expired tus upload (410) is started again from byte 0 and the case still arrives once', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const expired: Fault = { kind: 'respond', status: 410, body: '{"code":"UPLOAD_EXPIRED","message":"Il caricamento è scaduto sul server: ricominciarlo da capo."}', contentType: 'application/json' };
  rig.proxy.setPlan(faultFirst(isPatch, readableByPage(expired)));
  const seeded = await seedQueuedCase(page);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
  await expectReceivedOnce(rig, office, seeded);
  const creations = rig.proxy.records.filter(isUploadCreation).slice(-4);
  expect(creations).toHaveLength(4);
});

test('acknowledgement lost after the service committed (dropped, then truncated): the resend is idempotent, one case on the service', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  let exchanges = 0;
  rig.proxy.setPlan((r) => {
    if (!isCasePut(r) && !(r.method === 'GET' && r.path.startsWith('/api/v1/cases/'))) return null;
    exchanges += 1;
    if (exchanges === 1) return { kind: 'drop-response' };
    if (exchanges === 2) return { kind: 'truncate-response', afterBytes: 20 };
    return null;
  });
  const seeded = await seedQueuedCase(page);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
  await expectReceivedOnce(rig, office, seeded);
  expect((await centralCases(rig, office)).length).toBe(1);
  // The service committed on the first submission and answered the resend from its record (200, same receipt).
  const submissions = rig.proxy.records.filter((r) => isCasePut(r) && r.path.endsWith(seeded.caseId));
  expect(submissions[0]).toMatchObject({ fault: 'drop-response', status: 201 });
  expect(submissions.slice(1).every((r) => r.status === 200)).toBe(true);
  const [held] = await centralCases(rig, office);
  await expect(caseRow(page, seeded.number)).toContainText(`Protocollo ${held.protocolNumber}`);
});

test('revoked workstation token: clear Italian message and enrollment form (no serious axe violation), nothing deleted; after enrolling again the case goes', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const listed = await call<{ workstations: { workstationId: string }[] }>(rig.central.url, 'GET', `/api/v1/admin/workstations?officeCode=${office}`, { token: ADMIN_TOKEN });
  for (const w of listed.body.workstations) await call(rig.central.url, 'POST', `/api/v1/admin/workstations/${w.workstationId}/revoke`, { token: ADMIN_TOKEN });
  const seeded = await seedQueuedCase(page);
  await syncNow(page);
  await expect(page.getByTestId('sync-connection')).toContainText('non accetta più le credenziali di questa postazione');
  await expect(page.getByTestId('sync-connection-failure')).toContainText('La registrazione di questa postazione è stata revocata');
  expect(await localCase(page, seeded.caseId)).toEqual({ state: 'queued', readable: 3 });
  await expectNoSeriousViolations(page, 'invio, token revocato');
  await enroll(page, office, await issueEnrollmentCode(rig, office));
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
  await expectReceivedOnce(rig, office, seeded);
});

test('page reloaded mid-upload: after signing in again the upload resumes, no attachment is uploaded twice, one case on the service', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const firstRecord = rig.proxy.records.length;
  let patches = 0;
  rig.proxy.setPlan((r) => (isPatch(r) && ++patches === 2 ? { kind: 'delay', ms: 4_000 } : null));
  const seeded = await seedQueuedCase(page, { sizes: [1_500_000, 1_500_000, 1_500_000] });
  await syncNow(page);
  await expect.poll(() => patches).toBeGreaterThanOrEqual(2);
  await openApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Invio' }).click();
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
  await expectReceivedOnce(rig, office, seeded);
  expect(rig.proxy.records.slice(firstRecord).filter(isUploadCreation)).toHaveLength(3);
});

test('central service killed (SIGKILL) and restarted mid-batch: every case arrives exactly once', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  rig.proxy.setPlan((r) => (isPatch(r) ? { kind: 'delay', ms: 150 } : null));
  const seeded = [await seedQueuedCase(page), await seedQueuedCase(page), await seedQueuedCase(page)];
  await syncNow(page);
  await expect.poll(async () => (await centralCases(rig, office)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await rig.restartCentral();
  for (const one of seeded) await expect(caseRow(page, one.number)).toContainText('Confermata dal servizio centrale', { timeout: 40_000 });
  for (const one of seeded) await expectReceivedOnce(rig, office, one);
  expect((await centralCases(rig, office)).length).toBe(3);
});

test('a refusal by the central review comes through the change feed and is shown with its reason', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  const seeded = await seedQueuedCase(page);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale');
  const refused = await call(rig.central.url, 'POST', `/api/v1/admin/cases/${seeded.caseId}/status`, {
    token: ADMIN_TOKEN,
    body: { status: 'refused', reasons: [{ code: 'DOCUMENT_EXPIRED', message: 'Il documento di identità risulta scaduto.' }] },
  });
  expect(refused.status).toBe(200);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Respinta dal servizio centrale: Il documento di identità risulta scaduto.');
  expect(await localCase(page, seeded.caseId)).toMatchObject({ state: 'refused' });
});

test('a workstation clock ten minutes ahead of the server is explained on screen', async ({ page }) => {
  await page.addInitScript(() => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 10 * 60_000;
  });
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  await expect(page.getByRole('alert').filter({ hasText: 'differisce da quello del servizio centrale di 10 minuti (la postazione è avanti)' })).toBeVisible();
});

test('a proxy answering everything with its own error page (no CORS headers): the clerk reads that a network device answered instead of the service, with the next step for IT; the case goes once it stops', async ({ page }) => {
  const office = await freshOffice(rig, 'S');
  await connectWorkstation(page, rig, office);
  rig.proxy.setPlan(() => cannedResponses.badGatewayHtml);
  const seeded = await seedQueuedCase(page);
  await syncNow(page);
  const failure = page.getByTestId('sync-connection-failure');
  await expect(failure).toContainText('Al posto del servizio centrale ha risposto un apparato di rete intermedio (proxy, firewall) o un altro servizio (stato 502)');
  await expect(failure).toContainText('l’assistenza informatica verifichi che proxy e firewall lascino passare le richieste');
  expect(await localCase(page, seeded.caseId)).toEqual({ state: 'queued', readable: 3 });
  rig.proxy.setPlan(null);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Confermata dal servizio centrale', { timeout: 30_000 });
  await expectReceivedOnce(rig, office, seeded);
});

test('nothing listening at the service address: "non raggiungibile" with the network code, not a proxy or certificate message', async ({ page }) => {
  await configureService(page, `http://127.0.0.1:${await freePort()}`);
  await submitEnrollment(page, 'RM01', 'ABCD-EFGH-JKLM');
  await expect(page.getByText('Servizio centrale non raggiungibile: nessuna risposta dall’indirizzo configurato')).toContainText('codice ECONNREFUSED');
});

test('a service certificate the workstation does not trust: the clerk reads a certificate problem (not "unreachable") with the next step for IT, and nothing is sent', async ({ page }) => {
  const tls = await startUntrustedTlsServer();
  try {
    await configureService(page, tls.url);
    await submitEnrollment(page, 'RM01', 'ABCD-EFGH-JKLM');
    const message = page.getByText('Il certificato di sicurezza del servizio centrale non è valido per questa postazione');
    await expect(message).toContainText(/codice (DEPTH_ZERO_SELF_SIGNED_CERT|ERR_CERT_AUTHORITY_INVALID)/);
    await expect(message).toContainText('L’assistenza informatica verifichi il certificato del servizio');
    // Neither the page nor main's diagnosis got past the handshake: nothing reached the server.
    expect(tls.requests()).toBe(0);
    await page.screenshot({ path: test.info().outputPath('certificate-message.png'), fullPage: true });
  } finally {
    await tls.close();
  }
});

test('a window whose outbox met another window holding it shows its connection as soon as that one lets go, not at the next scheduled run', async ({ page, context }) => {
  await configureService(page, rig.proxy.url);
  await expect(page.getByTestId('sync-connection')).toContainText('Postazione non registrata');
  // Another window of the app holds the outbox (as while it sends) for 12 s, across this window's reload.
  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(() => void navigator.locks.request('sportello-outbox', () => new Promise((release) => setTimeout(release, 12_000))));
  await openApp(page);
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('button', { name: 'Invio' }).click();
  // The first run was skipped; the next one would be 30 s later. It is retried every second instead.
  await expect(page.getByLabel('Codice sede')).toBeVisible({ timeout: 20_000 });
  await other.close();
});
