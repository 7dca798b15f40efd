import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../shared/central-api/cases';
import { CASE_CATEGORY } from '../../shared/central-api/protocol';
import { openPostgresRepository } from '../storage/postgres-repository';
import type { CentralRepository, NewCase } from '../storage/repository';
import { openSqliteRepository } from '../storage/sqlite-repository';
import { buildSubmission, call, enrollWorkstation, makeTempDir, sampleAttachments, sendCase, startTestCentral } from './harness';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

/** The same behaviour is required of both databases: this suite runs against each one available. */
const postgres = await startThrowawayPostgres();
const postgresUnavailable = 'unavailable' in postgres ? postgres.unavailable : null;
if (postgresUnavailable) console.warn(`[central] PostgreSQL repository tests skipped: ${postgresUnavailable}`);

const backends: { name: string; open: () => Promise<CentralRepository>; skip: boolean }[] = [
  { name: 'SQLite', open: async () => openSqliteRepository(path.join(await makeTempDir(), 'central.sqlite')), skip: false },
  { name: 'PostgreSQL', open: () => openPostgresRepository((postgres as ThrowawayPostgres).url), skip: postgresUnavailable !== null },
];

afterAll(async () => {
  if (!('unavailable' in postgres)) await postgres.stop();
});

const now = () => new Date().toISOString();

for (const backend of backends) {
  describe.skipIf(backend.skip)(`${backend.name} repository`, () => {
    let repository: CentralRepository;
    const office = `T${Math.floor(Math.random() * 1e6)}`;
    let workstationId: string;

    beforeAll(async () => {
      repository = await backend.open();
      expect((await repository.putOffice({ officeCode: office, name: 'Sede di prova', now: now() })).kind).toBe('created');
      await repository.addEnrollmentCode({ codeHash: `hash-${office}`, officeCode: office, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), now: now() });
      const workstation = await repository.redeemEnrollmentCode({ officeCode: office, codeHash: `hash-${office}`, workstationId: randomUUID(), workstationName: 'P1', tokenHash: `token-${office}`, now: now() });
      workstationId = workstation!.workstationId;
    });
    afterAll(async () => repository?.close());

    function newCase(fingerprint = 'f1', caseNumber = 'RM01-20261123-0001'): NewCase {
      const caseId = randomUUID();
      return {
        caseId,
        officeCode: office,
        workstationId,
        fingerprint,
        priority: 'normal',
        submission: buildSubmission(caseId, sampleAttachments([10]), ['u1'], { caseNumber }),
        receivedAt: now(),
        protocolYear: 2026,
      };
    }
    const receiptFor = (item: NewCase) => (protocolNumber: string): Receipt => ({
      caseId: item.caseId,
      protocolNumber,
      receivedAt: item.receivedAt,
      officeCode: office,
      category: CASE_CATEGORY,
      attachments: [],
    });

    it('keeps offices idempotent and burns an enrollment code once', async () => {
      expect((await repository.putOffice({ officeCode: office, name: 'Sede di prova', now: now() })).kind).toBe('existing');
      expect((await repository.putOffice({ officeCode: office, name: 'Altro nome', now: now() })).kind).toBe('conflict');
      const again = await repository.redeemEnrollmentCode({ officeCode: office, codeHash: `hash-${office}`, workstationId: randomUUID(), workstationName: 'P2', tokenHash: 'other', now: now() });
      expect(again).toBeNull();
      expect((await repository.findWorkstationByTokenHash(`token-${office}`))?.officeName).toBe('Sede di prova');
    });

    it('commits a case once: identical and conflicting recommits, numbered protocols, concurrent commits', async () => {
      const first = newCase();
      const created = await repository.commitCase(first, receiptFor(first));
      expect(created.kind).toBe('created');
      expect((await repository.commitCase(first, receiptFor(first))).kind).toBe('identical');
      expect((await repository.commitCase({ ...first, fingerprint: 'other' }, receiptFor(first))).kind).toBe('conflict');

      const many = Array.from({ length: 12 }, () => newCase());
      const outcomes = await Promise.all(many.map((item) => repository.commitCase(item, receiptFor(item))));
      const numbers = outcomes.map((o) => (o.kind === 'conflict' ? '' : o.stored.protocolNumber));
      expect(new Set(numbers).size).toBe(12);
      for (const n of numbers) expect(n).toMatch(new RegExp(`^${office}-2026-\\d{7}$`));
      const stored = await repository.findCase(many[3].caseId);
      expect(stored?.submission).toEqual(many[3].submission);
      expect(stored?.receipt.protocolNumber).toBe(numbers[3]);
    });

    it('feeds status changes in order from a sequence cursor and enforces transitions', async () => {
      const item = newCase();
      await repository.commitCase(item, receiptFor(item));
      const before = await repository.listChanges(office, 0, 1000);
      const cursor = before.at(-1)!.seq;
      expect((await repository.setCaseStatus({ caseId: item.caseId, status: 'in_review', reasons: [], now: now() })).kind).toBe('changed');
      const reasons = [{ code: 'ID_EXPIRED', message: 'Documento scaduto.' }];
      expect((await repository.setCaseStatus({ caseId: item.caseId, status: 'refused', reasons, now: now() })).kind).toBe('changed');
      expect((await repository.setCaseStatus({ caseId: item.caseId, status: 'approved', reasons: [], now: now() })).kind).toBe('invalid-transition');
      expect((await repository.setCaseStatus({ caseId: randomUUID(), status: 'approved', reasons: [], now: now() })).kind).toBe('not-found');
      const after = await repository.listChanges(office, cursor, 1000);
      expect(after.map((row) => row.change.status)).toEqual(['in_review', 'refused']);
      expect(after[1].change.reasons).toEqual(reasons);
      expect((await repository.caseHistory(item.caseId)).map((h) => h.status)).toEqual(['received', 'in_review', 'refused']);
      const refused = await repository.listCases({ officeCode: office, status: 'refused', limit: 10 });
      expect(refused.map((c) => c.caseId)).toEqual([item.caseId]);
    });

    it('finds a case by the number printed on the counter receipt', async () => {
      const quoted = newCase('f1', `${office}-20261127-0042`);
      await repository.commitCase(quoted, receiptFor(quoted));
      const found = await repository.listCases({ caseNumber: `${office}-20261127-0042`, limit: 10 });
      expect(found.map((c) => c.caseId)).toEqual([quoted.caseId]);
      expect(await repository.listCases({ caseNumber: `${office}-20261127-0043`, limit: 10 })).toEqual([]);
    });
  });
}

describe.skipIf(postgresUnavailable !== null)('central service on PostgreSQL', () => {
  it('runs the whole flow (enroll, upload, commit, resend, feed) against PostgreSQL', async () => {
    const repository = await openPostgresRepository((postgres as ThrowawayPostgres).url);
    const central = await startTestCentral({ repository });
    try {
      const { token } = await enrollWorkstation(central.url, 'PG01');
      const sent = await sendCase(central.url, token);
      expect(sent.response.status).toBe(201);
      const again = await call(central.url, 'PUT', `/api/v1/cases/${sent.caseId}`, { token, body: sent.submission });
      expect(again).toMatchObject({ status: 200, body: sent.response.body });
      const feed = await call<{ changes: { caseId: string }[] }>(central.url, 'GET', '/api/v1/changes', { token });
      expect(feed.body.changes.map((c) => c.caseId)).toEqual([sent.caseId]);
    } finally {
      await central.stop();
    }
  });
});
