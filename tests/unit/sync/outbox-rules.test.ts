import { describe, expect, it } from 'vitest';
import type { AttachmentMeta, CaseRecord } from '../../../shared/case/case';
import { CaseSubmission } from '../../../shared/central-api/cases';
import { backoffDelay } from '../../../renderer/sync/backoff';
import { buildCaseSubmission } from '../../../renderer/sync/case-submission';
import { isSkewSignificant, measureClockSkew } from '../../../renderer/sync/clock-skew';
import { receiptCoversAttachments } from '../../../renderer/sync/outbox';
import { listRollUp } from '../../../renderer/sync/outbox-view';

const CASE_ID = '0b7e6a9c-5a3f-4f7e-9a59-2f8d1c0e4b11';
const sha = (c: string) => c.repeat(64);

function attachment(id: string, role: AttachmentMeta['role'], sha256: string, purgedAt: number | null = null): AttachmentMeta {
  return { id, caseId: CASE_ID, role, mimeType: role === 'modulo' ? 'application/pdf' : 'image/jpeg', size: 1000, sha256, page: 1, createdAt: 1, purgedAt };
}

const ATTACHMENTS = [
  attachment('11111111-1111-4111-8111-111111111111', 'modulo', sha('a')),
  attachment('22222222-2222-4222-8222-222222222222', 'documento-fronte', sha('b')),
  attachment('33333333-3333-4333-8333-333333333333', 'documento-retro', sha('c')),
];

function record(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: CASE_ID,
    number: 'RM01-20261123-0001',
    profile: 'MEDICO_ESTERNO',
    urgent: true,
    urgentReason: 'pronto soccorso',
    form: { cognome: { value: 'ROSSI', source: 'clerk', confidence: 1 }, nome: { value: 'MARIO', source: 'ocr', confidence: 0.7 } },
    state: 'queued',
    decision: { outcome: 'refuse', reasonCodes: ['DOCUMENT_EXPIRED'], freeText: 'Documento scaduto il 01/10/2026', clerkId: 'clerk-1', decidedAt: Date.UTC(2026, 10, 23, 10) },
    createdBy: 'clerk-1',
    createdAt: Date.UTC(2026, 10, 23, 9),
    updatedAt: Date.UTC(2026, 10, 23, 10),
    acknowledgedAt: null,
    ...overrides,
  };
}

describe('backoff', () => {
  it('doubles from the base, is capped, and never fires immediately or in lockstep', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(1, () => 0, policy)).toBe(500);
    expect(backoffDelay(1, () => 0.999999, policy)).toBe(1000);
    expect(backoffDelay(3, () => 0, policy)).toBe(2000);
    expect(backoffDelay(50, () => 0.999999, policy)).toBe(60_000);
    expect(backoffDelay(50, () => 0, policy)).toBe(30_000);
  });
});

describe('clock skew', () => {
  it('compares the server time with the middle of the exchange', () => {
    const sent = Date.UTC(2026, 10, 23, 10, 0, 0);
    expect(measureClockSkew(new Date(sent + 600_000 + 50).toISOString(), sent, sent + 100)).toBe(600_000);
    expect(measureClockSkew(null, sent, sent)).toBeNull();
    expect(measureClockSkew('not a date', sent, sent)).toBeNull();
  });

  it('warns from two minutes either way', () => {
    expect(isSkewSignificant(119_000)).toBe(false);
    expect(isSkewSignificant(-120_000)).toBe(true);
    expect(isSkewSignificant(null)).toBe(false);
  });
});

describe('case submission', () => {
  it('maps a decided case onto the contract: roles, outcome, reasons, values only, hashes and upload ids', () => {
    const built = buildCaseSubmission(record(), ATTACHMENTS, ['u1', 'u2', 'u3']);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(CaseSubmission.safeParse(built.submission).success).toBe(true);
    expect(built.submission).toMatchObject({
      caseId: CASE_ID,
      caseNumber: 'RM01-20261123-0001',
      priority: 'urgent',
      formFields: { cognome: 'ROSSI', nome: 'MARIO' },
      decision: { outcome: 'refused', reasons: [{ code: 'DOCUMENT_EXPIRED', message: 'Documento scaduto il 01/10/2026' }], decidedAt: '2026-11-23T10:00:00.000Z' },
      clientCreatedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(built.submission.attachments.map((a) => [a.role, a.sha256, a.uploadId, a.fileName])).toEqual([
      ['form', sha('a'), 'u1', 'modulo-1.pdf'],
      ['id-front', sha('b'), 'u2', 'documento-fronte-1.jpg'],
      ['id-back', sha('c'), 'u3', 'documento-retro-1.jpg'],
    ]);
  });

  it('is identical on a resend except for the upload ids (the service dedupes on content)', () => {
    const first = buildCaseSubmission(record(), ATTACHMENTS, ['u1', 'u2', 'u3']);
    const again = buildCaseSubmission(record(), ATTACHMENTS, ['v1', 'v2', 'v3']);
    if (!first.ok || !again.ok) throw new Error('not built');
    const strip = (s: CaseSubmission) => ({ ...s, attachments: s.attachments.map((a) => ({ ...a, uploadId: '' })) });
    expect(strip(again.submission)).toEqual(strip(first.submission));
  });

  it('names what makes a case unsendable instead of sending it', () => {
    expect(buildCaseSubmission(record({ decision: null }), ATTACHMENTS, [])).toEqual({ ok: false, problem: 'sync.problem.noDecision' });
    expect(buildCaseSubmission(record({ profile: null }), ATTACHMENTS, [])).toEqual({ ok: false, problem: 'sync.problem.noProfile' });
    expect(buildCaseSubmission(record(), [], [])).toEqual({ ok: false, problem: 'sync.problem.noAttachments' });
    expect(buildCaseSubmission(record(), [attachment(ATTACHMENTS[0].id, 'modulo', sha('a'), 5)], ['u1'])).toEqual({ ok: false, problem: 'sync.problem.imagesPurged' });
  });

  it('gives a refusal with only free text a reason the contract accepts', () => {
    const built = buildCaseSubmission(record({ decision: { outcome: 'refuse', reasonCodes: [], freeText: 'Firma assente', clerkId: 'c', decidedAt: 0 } }), ATTACHMENTS, ['u1', 'u2', 'u3']);
    expect(built.ok && built.submission.decision.reasons).toEqual([{ code: 'OTHER', message: 'Firma assente', formValue: null, documentValue: null }]);
  });
});

describe('receipt check before acknowledging', () => {
  const receipt = (list: { attachmentId: string; sha256: string }[]) => ({
    caseId: CASE_ID,
    protocolNumber: 'RM01-2026-0000001',
    receivedAt: '2026-11-23T10:00:00.000Z',
    officeCode: 'RM01',
    category: 'x' as never,
    attachments: list.map((a) => ({ ...a, size: 1000 })),
  });

  it('accepts only a receipt naming every attachment with the same hash', () => {
    expect(receiptCoversAttachments(receipt(ATTACHMENTS.map((a) => ({ attachmentId: a.id, sha256: a.sha256 }))), ATTACHMENTS)).toBe(true);
    expect(receiptCoversAttachments(receipt(ATTACHMENTS.slice(1).map((a) => ({ attachmentId: a.id, sha256: a.sha256 }))), ATTACHMENTS)).toBe(false);
    expect(receiptCoversAttachments(receipt(ATTACHMENTS.map((a, i) => ({ attachmentId: a.id, sha256: i === 2 ? sha('d') : a.sha256 }))), ATTACHMENTS)).toBe(false);
  });
});

describe('list roll-up', () => {
  const failure = { messageKey: 'sync.error.unexpected' as const, params: {}, action: 'retry' as const, code: null, at: 0 };

  it('orders ERROR > WARNING > pending > SYNCED', () => {
    expect(listRollUp([{ state: 'acknowledged', lastFailure: null }], 'online')).toBe('synced');
    expect(listRollUp([{ state: 'acknowledged', lastFailure: null }, { state: 'queued', lastFailure: null }], 'online')).toBe('pending');
    expect(listRollUp([{ state: 'queued', lastFailure: failure }, { state: 'queued', lastFailure: null }], 'online')).toBe('warning');
    expect(listRollUp([{ state: 'needs-attention', lastFailure: failure }, { state: 'queued', lastFailure: failure }], 'online')).toBe('error');
  });

  it('turns pending cases into a warning while offline and an error while the workstation is refused', () => {
    expect(listRollUp([{ state: 'queued', lastFailure: null }], 'offline')).toBe('warning');
    expect(listRollUp([{ state: 'sent', lastFailure: null }], 'revoked')).toBe('error');
    expect(listRollUp([{ state: 'acknowledged', lastFailure: null }], 'revoked')).toBe('synced');
  });
});
