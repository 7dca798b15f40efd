import { cannedResponses, faultFirst, type Fault, type ProxiedRequest } from '../support/fault-proxy';
import { test, expect } from './fixtures';
import {
  caseRow,
  centralCases,
  connectWorkstation,
  enroll,
  expectReceivedOnce,
  issueEnrollmentCode,
  localCase,
  newOffice,
  openApp,
  seedQueuedCase,
  startSyncRig,
  syncNow,
  type SyncRig,
} from './sync-support';
import { ADMIN_TOKEN, call } from '../../central/tests/harness';

/**
 * The outbox in real Chromium against the real central service (child process, temp data dir)
 * with the fault proxy in between. Each test has its own office, so the office's case list on the
 * service is exactly what that test sent.
 */

let rig: SyncRig;
let officeSeq = 0;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  rig = await startSyncRig();
});

test.afterAll(async () => {
  await rig?.close();
});

test.beforeEach(() => {
  rig.proxy.setPlan(null);
});

async function freshOffice(): Promise<string> {
  officeSeq += 1;
  const office = `S${process.pid % 1000}T${officeSeq}`;
  await newOffice(rig, office);
  return office;
}

const isCasePut = (r: ProxiedRequest) => r.method === 'PUT' && r.path.startsWith('/api/v1/cases/');
const isPatch = (r: ProxiedRequest) => r.method === 'PATCH';
const isUploadCreation = (r: ProxiedRequest) => r.method === 'POST' && r.path === '/api/v1/uploads';

test('a queued case with three attachments reaches the service exactly once, every hash equal, with the receipt on screen', async ({ page }) => {
  const office = await freshOffice();
  await connectWorkstation(page, rig, office);
  const seeded = await seedQueuedCase(page);
  await syncNow(page);
  await expect(caseRow(page, seeded.number)).toContainText('Ricevuta');
  await expect(caseRow(page, seeded.number)).toContainText(new RegExp(`Protocollo ${office}-\\d{4}-\\d{7}`));
  await expect(page.getByTestId('sync-rollup')).toHaveText('Tutte le pratiche sono state ricevute dal servizio centrale.');
  await expectReceivedOnce(rig, office, seeded);
  expect((await centralCases(rig, office)).length).toBe(1);
  expect(rig.proxy.records.filter(isUploadCreation).length).toBeGreaterThanOrEqual(3);
  expect(await localCase(page, seeded.caseId)).toEqual({ state: 'acknowledged', readable: 3 });
});
