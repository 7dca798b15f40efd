import { describe, expect, it } from 'vitest';
import { chainEntry, sealHead, verifyChain, type AuditEntry } from '../../../shared/case/audit-chain';
import { openTestStore, field } from './open-test-store';

const KEY = new Uint8Array(32).fill(7);

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < length; i++) entries.push(chainEntry(KEY, entries.at(-1) ?? null, 1000 + i, { clerkId: 'c1', action: 'edit-field', caseId: 'k1', fields: ['nome'] }));
  return entries;
}

describe('audit chain verifier', () => {
  it('accepts an untouched chain', () => {
    const entries = chain(5);
    expect(verifyChain(KEY, entries, sealHead(KEY, entries[4]))).toEqual({ intact: true, entries: 5 });
    expect(verifyChain(KEY, [], null)).toEqual({ intact: true, entries: 0 });
  });

  it.each([
    ['an edited entry', (e: AuditEntry[]) => (e[2] = { ...e[2], action: 'view' }), 3, 'hash'],
    ['an edited entry with its hash recomputed', (e: AuditEntry[]) => (e[2] = chainEntry(KEY, e[1], e[2].at, { clerkId: 'intruder', action: 'edit-field', caseId: 'k1' })), 4, 'link'],
    ['a rewritten chain from that entry on, without the key', (e: AuditEntry[]) => {
      const forger = new Uint8Array(32);
      for (let i = 2; i < e.length; i++) e[i] = chainEntry(forger, e[i - 1], e[i].at, { clerkId: 'intruder', action: 'view', caseId: 'k1' });
    }, 3, 'hash'],
    ['entries cut off the end', (e: AuditEntry[]) => e.splice(4), 5, 'truncated'],
    ['every entry deleted', (e: AuditEntry[]) => e.splice(0), 1, 'truncated'],
    ['a deleted entry', (e: AuditEntry[]) => e.splice(1, 1), 2, 'sequence'],
    ['swapped entries', (e: AuditEntry[]) => ([e[1], e[2]] = [e[2], e[1]]), 2, 'sequence'],
  ] as const)('reports the first broken link after %s', (_name, tamper, firstBrokenSeq, problem) => {
    const entries = chain(6);
    tamper(entries);
    expect(verifyChain(KEY, entries, sealHead(KEY, chain(6)[5]))).toMatchObject({ intact: false, firstBrokenSeq, problem });
  });
});

describe('audit log in the store', () => {
  it('records who did what to which case with field names only, never values', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'clerk-7');
    await store.cases.saveField(c.id, 'codice_fiscale', field('RSSMRA85D12H501Z'), 'clerk-7');
    await store.cases.saveField(c.id, 'cognome', field('ROSSI'), 'clerk-7', 'ocr-correction');
    await store.cases.attach(c.id, { role: 'modulo', mimeType: 'application/pdf', page: 1, bytes: new Blob(['%PDF-1.7 x']) }, 'clerk-7');
    await store.cases.loadCase(c.id, 'clerk-7');
    await store.cases.decide(c.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, 'clerk-7');
    const entries = await store.audit.forCase(c.id);
    expect(entries.map((e) => [e.action, e.fields ?? e.detail ?? null])).toEqual([
      ['create', null],
      ['edit-field', ['codice_fiscale']],
      ['ocr-correction', ['cognome']],
      ['attach', 'modulo'],
      ['view', null],
      ['decide', 'accept:'],
    ]);
    expect(entries.every((e) => e.clerkId === 'clerk-7')).toBe(true);
    const exported = await store.audit.exportForInspector('clerk-7', 'PC-01');
    expect(exported).not.toMatch(/RSSMRA|ROSSI/);
    expect(JSON.parse(exported)).toMatchObject({ format: 'sportello-audit/v1', workstation: 'PC-01', verdict: { intact: true } });
    expect((await store.audit.verify()).intact).toBe(true);
  });

  it('finds an entry altered directly in the database', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'clerk-1');
    await store.cases.saveField(c.id, 'nome', field('Anna'), 'clerk-1');
    await store.cases.loadCase(c.id, 'clerk-1');
    await store.db.audit.update(2, { clerkId: 'someone-else' });
    expect(await store.audit.verify()).toEqual({ intact: false, entries: 2, firstBrokenSeq: 2, problem: 'hash' });
  });

  it('notices entries cut off the end of the log', async () => {
    const { store } = await openTestStore();
    const c = await store.cases.createDraft({ profile: null, urgent: false, urgentReason: '' }, 'clerk-1');
    await store.cases.loadCase(c.id, 'clerk-1');
    await store.cases.loadCase(c.id, 'clerk-1');
    await store.db.audit.delete(3);
    expect(await store.audit.verify()).toEqual({ intact: false, entries: 2, firstBrokenSeq: 3, problem: 'truncated' });
  });
});
