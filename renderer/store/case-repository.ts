import {
  AttachmentMeta,
  CaseRecord,
  CaseState as CaseStateSchema,
  Decision,
  type AttachmentRole,
  isScan,
  type ScanRole,
  type CaseState,
  type CaseSummary,
  type Profile,
} from '../../shared/case/case';
import type { FormFieldName, FormFieldValue } from '../../shared/case/form-fields';
import { FormFieldValue as FormFieldValueSchema } from '../../shared/case/form-fields';
import { caseNumberDayPrefix, formatCaseNumber, type CaseNumbering } from '../../shared/case/case-number';
import { queryTerms } from '../../shared/case/search-terms';
import { canMove, canReopen, isEditable } from '../../shared/case/state';
import { appendAudit, auditTables } from './audit-log';
import { openCase, sealCase } from './case-codec';
import type { DataCipher } from './data-cipher';
import type { CaseDatabase, StoredCase } from './database';
import { guardWrite, StoreError } from './store-error';

export interface CaseQuery {
  state?: CaseState;
  /** Name words, a codice fiscale or a case number. */
  search?: string;
  /** createdAt range, inclusive, epoch ms. */
  from?: number;
  to?: number;
  offset: number;
  limit: number;
}

export interface CasePage {
  items: CaseSummary[];
  total: number;
}

export interface NewAttachment {
  role: AttachmentRole;
  mimeType: AttachmentMeta['mimeType'];
  page: number;
  bytes: Blob;
}

export interface StoredReadingView {
  id: string;
  attachmentId: string | null;
  createdAt: number;
  reading: unknown;
}

export type DecisionInput = Pick<Decision, 'outcome' | 'reasonCodes' | 'freeText'>;

/**
 * The case store the UI and the outbox use. Encryption and hashing happen before a Dexie
 * transaction opens; inside one there are only IndexedDB operations (and the synchronous audit
 * hash), so no transaction can commit early, and nothing here ever touches the network.
 */
export interface CaseRepository {
  createDraft(input: { profile: Profile | null; urgent: boolean; urgentReason: string }, clerkId: string): Promise<CaseRecord>;
  loadCase(caseId: string, clerkId: string): Promise<CaseRecord>;
  saveField(caseId: string, field: FormFieldName, value: FormFieldValue | null, clerkId: string, kind?: 'edit-field' | 'ocr-correction'): Promise<CaseRecord>;
  /**
   * Values read from the documents fill the fields the clerk has not typed, in one write: the same
   * audit entries as one `saveField` each, in one transaction, with one decrypt and one encrypt.
   */
  prefillFields(caseId: string, values: Partial<Record<FormFieldName, FormFieldValue>>, clerkId: string): Promise<CaseRecord>;
  updateDetails(caseId: string, patch: { profile?: Profile | null; urgent?: boolean; urgentReason?: string }, clerkId: string): Promise<CaseRecord>;
  attach(caseId: string, input: NewAttachment, clerkId: string): Promise<{ attachment: AttachmentMeta; duplicate: boolean }>;
  /**
   * A scan the clerk straightened or cropped takes the original's place (same role, page and
   * order, new id and SHA-256); the original bytes are deleted. The audit entry names the
   * transform and both hashes.
   */
  replaceScan(attachmentId: string, input: { mimeType: AttachmentMeta['mimeType']; bytes: Blob; transform: string }, clerkId: string): Promise<AttachmentMeta>;
  /** The clerk put a page in the wrong slot: it moves to `role` (editable cases only, audited). */
  reassignScan(attachmentId: string, role: ScanRole, clerkId: string): Promise<AttachmentMeta>;
  /** A page captured by mistake is removed with its bytes (editable cases only, audited with its SHA-256). */
  removeScan(attachmentId: string, clerkId: string): Promise<void>;
  listAttachments(caseId: string): Promise<AttachmentMeta[]>;
  readAttachment(attachmentId: string): Promise<Blob>;
  saveReading(caseId: string, attachmentId: string | null, reading: unknown): Promise<string>;
  listReadings(caseId: string): Promise<StoredReadingView[]>;
  listCases(query: CaseQuery): Promise<CasePage>;
  countByState(): Promise<Record<CaseState, number>>;
  /**
   * Accept or refuse. A refusal given `refusalNotice` stores the notice PDF it renders from the
   * decided case as the case's 'avviso-rifiuto' attachment, in the same transaction as the
   * decision (so the outbox never sends the case without it); a notice of an earlier decision is
   * withdrawn. Both are audited with the PDF's SHA-256.
   */
  decide(caseId: string, decision: DecisionInput, clerkId: string, refusalNotice?: (decided: CaseRecord) => Promise<Uint8Array>): Promise<CaseRecord>;
  reopen(caseId: string, clerkId: string): Promise<CaseRecord>;
  /** Outbox and change-feed moves (queued → sending → sent → acknowledged → refused, quarantine). */
  moveState(caseId: string, to: CaseState, actorId: string, detail?: string): Promise<void>;
}

export interface CaseRepositoryDeps {
  db: CaseDatabase;
  cipher: DataCipher;
  clock: () => number;
  /** Read at each new case, so a settings change applies to the next number. */
  numbering: () => CaseNumbering;
  newId?: () => string;
}

interface SealedDocument {
  meta: AttachmentMeta;
  sealed: Awaited<ReturnType<DataCipher['seal']>>;
}

/** Additional data binding an attachment's sealed bytes to its id (also used by the bundle import). */
export const blobBinding = (id: string) => `attachment:${id}`;
const readingBinding = (id: string) => `reading:${id}`;

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createCaseRepository(deps: CaseRepositoryDeps): CaseRepository {
  const { db, cipher, clock } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  // One writer at a time in this window: read-modify-write of a case never interleaves.
  let writeTail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = writeTail.then(work, work);
    writeTail = run.catch(() => undefined);
    return run;
  }

  const decrypt = (row: StoredCase) => openCase(row, cipher);
  const encrypt = (record: CaseRecord) => sealCase(record, cipher);

  async function readRow(caseId: string): Promise<StoredCase> {
    const row = await db.cases.get(caseId);
    if (!row) throw new StoreError('store.error.caseMissing');
    return row;
  }

  /**
   * Load, change, re-encrypt, then write only if nobody else wrote the case meanwhile (another
   * window): the audit entry goes into the same transaction as the change it records.
   */
  function change<Prepared = undefined>(
    caseId: string,
    clerkId: string,
    mutate: (record: CaseRecord) => { next: CaseRecord; audit: Parameters<typeof appendAudit>[2] | Parameters<typeof appendAudit>[2][] },
    extra?: (record: CaseRecord, prepared: Prepared) => Promise<void>,
    /** Slow work on the changed record (encrypting a document), done before the transaction opens. */
    prepare?: (record: CaseRecord) => Promise<Prepared>,
  ): Promise<CaseRecord> {
    return exclusive(() =>
      guardWrite(async () => {
        const before = await readRow(caseId);
        const current = await decrypt(before);
        const { next, audit } = mutate(current);
        const updated: CaseRecord = { ...next, updatedAt: Math.max(clock(), current.updatedAt + 1) };
        const row = await encrypt(updated);
        const prepared = (await prepare?.(updated)) as Prepared;
        await db.transaction('rw', [db.cases, db.outbox, db.attachments, db.attachmentBlobs, ...auditTables(db)], async () => {
          const latest = await db.cases.get(caseId);
          if (!latest || latest.updatedAt !== before.updatedAt) throw new StoreError('store.error.concurrentEdit');
          await db.cases.put(row);
          await extra?.(updated, prepared);
          for (const facts of Array.isArray(audit) ? audit : [audit]) await appendAudit(db, cipher.auditKey, { ...facts, clerkId }, updated.updatedAt);
        });
        return updated;
      }),
    );
  }

  /** A new attachment's metadata and its bytes sealed under the data key, bound to its id. */
  async function sealDocument(caseId: string, input: NewAttachment, createdAt: number): Promise<SealedDocument> {
    let plain: ArrayBuffer;
    try {
      plain = await input.bytes.arrayBuffer();
    } catch (error) {
      throw new StoreError('store.error.blobUnreadable', {}, { cause: error });
    }
    const meta = AttachmentMeta.parse({
      id: newId(),
      caseId,
      role: input.role,
      mimeType: input.mimeType,
      size: plain.byteLength,
      sha256: await sha256Hex(plain),
      page: input.page,
      createdAt,
      purgedAt: null,
    });
    return { meta, sealed: await cipher.seal(plain, blobBinding(meta.id)) };
  }

  /** A change to one scan of an editable case, in one transaction with its audit entry. */
  function changeScan(attachmentId: string, work: (scan: AttachmentMeta, now: number) => Promise<AttachmentMeta>): Promise<AttachmentMeta> {
    return exclusive(() =>
      guardWrite(async () => {
        const found = await db.attachments.get(attachmentId);
        if (!found || !isScan(found)) throw new StoreError('store.error.attachmentMissing');
        const before = await readRow(found.caseId);
        requireEditable(await decrypt(before));
        const now = Math.max(clock(), before.updatedAt + 1);
        return db.transaction('rw', [db.cases, db.attachments, db.attachmentBlobs, ...auditTables(db)], async () => {
          const changed = await work(AttachmentMeta.parse(found), now);
          await db.cases.update(found.caseId, { updatedAt: now });
          return changed;
        });
      }),
    );
  }

  function requireEditable(record: CaseRecord): void {
    if (!isEditable(record.state)) throw new StoreError('store.error.notEditable', { state: record.state });
  }

  async function summarise(row: StoredCase): Promise<CaseSummary> {
    const base = {
      id: row.id,
      number: row.number,
      state: row.state,
      urgent: row.urgent,
      profile: row.profile,
      outcome: row.outcome,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
    try {
      const record = await decrypt(row);
      const name = [record.form.cognome?.value, record.form.nome?.value].filter(Boolean).join(' ');
      return { ...base, displayName: name, integrity: 'ok' };
    } catch {
      return { ...base, displayName: null, integrity: 'damaged' };
    }
  }

  const inDateRange = (query: CaseQuery) => (row: StoredCase) =>
    (query.from === undefined || row.createdAt >= query.from) && (query.to === undefined || row.createdAt <= query.to);

  return {
    createDraft(input, clerkId) {
      return exclusive(() =>
        guardWrite(async () => {
          const now = clock();
          const id = newId();
          const prefix = caseNumberDayPrefix(deps.numbering(), new Date(now));
          const counterKey = `caseSequence:${prefix}`;
          // The sequence is read and bumped inside the transaction, but the row must be sealed
          // outside it: seal with the guessed number, and retry if another window took it.
          for (;;) {
            const seen = ((await db.settings.get(counterKey))?.value as number | undefined) ?? 0;
            const record: CaseRecord = CaseRecord.parse({
              id,
              number: formatCaseNumber(deps.numbering(), new Date(now), seen + 1),
              profile: input.profile,
              urgent: input.urgent,
              urgentReason: input.urgentReason,
              form: {},
              state: 'draft',
              decision: null,
              createdBy: clerkId,
              createdAt: now,
              updatedAt: now,
              acknowledgedAt: null,
            });
            const row = await encrypt(record);
            const written = await db.transaction('rw', [db.cases, ...auditTables(db)], async () => {
              const stillSeen = ((await db.settings.get(counterKey))?.value as number | undefined) ?? 0;
              if (stillSeen !== seen) return false;
              await db.settings.put({ key: counterKey, value: seen + 1 });
              await db.cases.add(row);
              await appendAudit(db, cipher.auditKey, { clerkId, action: 'create', caseId: id }, now);
              return true;
            });
            if (written) return record;
          }
        }),
      );
    },

    async loadCase(caseId, clerkId) {
      const record = await decrypt(await readRow(caseId));
      await guardWrite(() => db.transaction('rw', auditTables(db), () => appendAudit(db, cipher.auditKey, { clerkId, action: 'view', caseId }, clock())));
      return record;
    },

    saveField(caseId, field, value, clerkId, kind = 'edit-field') {
      const checked = value === null ? null : FormFieldValueSchema.parse(value);
      return change(caseId, clerkId, (record) => {
        requireEditable(record);
        const form = { ...record.form };
        if (checked === null) delete form[field];
        else form[field] = checked;
        return { next: { ...record, form, state: record.state === 'ready' ? 'draft' : record.state }, audit: { clerkId, action: kind, caseId, fields: [field] } };
      });
    },

    prefillFields(caseId, values, clerkId) {
      const checked = Object.entries(values).map(([field, value]) => [field as FormFieldName, FormFieldValueSchema.parse(value)] as const);
      return change(caseId, clerkId, (record) => {
        requireEditable(record);
        const filled = checked.filter(([field]) => record.form[field]?.source !== 'clerk');
        const form = { ...record.form, ...Object.fromEntries(filled) };
        return {
          next: { ...record, form, state: record.state === 'ready' ? 'draft' : record.state },
          audit: filled.map(([field]) => ({ clerkId, action: 'edit-field' as const, caseId, fields: [field] })),
        };
      });
    },

    updateDetails(caseId, patch, clerkId) {
      return change(caseId, clerkId, (record) => {
        requireEditable(record);
        const next = CaseRecord.parse({ ...record, ...patch });
        return { next, audit: { clerkId, action: 'edit-field', caseId, detail: Object.keys(patch).sort().join(',') } };
      });
    },

    attach(caseId, input, clerkId) {
      return exclusive(() =>
        guardWrite(async () => {
          const before = await readRow(caseId);
          requireEditable(await decrypt(before));
          const now = Math.max(clock(), before.updatedAt + 1);
          const { meta, sealed } = await sealDocument(caseId, input, now);
          const existing = await db.attachments.where('[caseId+sha256]').equals([caseId, meta.sha256]).first();
          if (existing) return { attachment: AttachmentMeta.parse(existing), duplicate: true };
          const sha256 = meta.sha256;
          const duplicate = await db.transaction('rw', [db.cases, db.attachments, db.attachmentBlobs, ...auditTables(db)], async () => {
            const raced = await db.attachments.where('[caseId+sha256]').equals([caseId, sha256]).first();
            if (raced) return raced;
            await db.attachmentBlobs.add({ id: meta.id, iv: sealed.iv, data: new Blob([sealed.data]) });
            await db.attachments.add(meta);
            await db.cases.update(caseId, { updatedAt: now });
            await appendAudit(db, cipher.auditKey, { clerkId, action: 'attach', caseId, detail: meta.role }, now);
            return null;
          });
          return duplicate ? { attachment: AttachmentMeta.parse(duplicate), duplicate: true } : { attachment: meta, duplicate: false };
        }),
      );
    },

    replaceScan(attachmentId, input, clerkId) {
      return exclusive(() =>
        guardWrite(async () => {
          const original = await db.attachments.get(attachmentId);
          if (!original) throw new StoreError('store.error.attachmentMissing');
          if (original.purgedAt !== null) throw new StoreError('store.error.attachmentPurged');
          const before = await readRow(original.caseId);
          requireEditable(await decrypt(before));
          let plain: ArrayBuffer;
          try {
            plain = await input.bytes.arrayBuffer();
          } catch (error) {
            throw new StoreError('store.error.blobUnreadable', {}, { cause: error });
          }
          const sha256 = await sha256Hex(plain);
          if (sha256 === original.sha256) return AttachmentMeta.parse(original);
          const now = Math.max(clock(), before.updatedAt + 1);
          const meta = AttachmentMeta.parse({ ...original, id: newId(), mimeType: input.mimeType, size: plain.byteLength, sha256 });
          const sealed = await cipher.seal(plain, blobBinding(meta.id));
          const detail = `${input.transform};from=${original.sha256};to=${sha256}`;
          await db.transaction('rw', [db.cases, db.attachments, db.attachmentBlobs, ...auditTables(db)], async () => {
            if (await db.attachments.where('[caseId+sha256]').equals([original.caseId, sha256]).first()) throw new StoreError('store.error.duplicateScan');
            await db.attachmentBlobs.delete(original.id);
            await db.attachments.delete(original.id);
            await db.attachmentBlobs.add({ id: meta.id, iv: sealed.iv, data: new Blob([sealed.data]) });
            await db.attachments.add(meta);
            await db.cases.update(original.caseId, { updatedAt: now });
            await appendAudit(db, cipher.auditKey, { clerkId, action: 'transform-scan', caseId: original.caseId, detail }, now);
          });
          return meta;
        }),
      );
    },

    reassignScan(attachmentId, role, clerkId) {
      return changeScan(attachmentId, async (scan, now) => {
        if (scan.role === role) return scan;
        const moved = AttachmentMeta.parse({ ...scan, role });
        await db.attachments.put(moved);
        await appendAudit(db, cipher.auditKey, { clerkId, action: 'reassign-scan', caseId: scan.caseId, detail: `${scan.role}->${role}:${scan.sha256}` }, now);
        return moved;
      });
    },

    async removeScan(attachmentId, clerkId) {
      await changeScan(attachmentId, async (scan, now) => {
        await db.attachmentBlobs.delete(scan.id);
        await db.attachments.delete(scan.id);
        await appendAudit(db, cipher.auditKey, { clerkId, action: 'remove-scan', caseId: scan.caseId, detail: `${scan.role}:${scan.sha256}` }, now);
        return scan;
      });
    },

    async listAttachments(caseId) {
      return (await db.attachments.where('caseId').equals(caseId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    },

    async readAttachment(attachmentId) {
      const meta = await db.attachments.get(attachmentId);
      if (!meta) throw new StoreError('store.error.attachmentMissing');
      if (meta.purgedAt !== null) throw new StoreError('store.error.attachmentPurged');
      const stored = await db.attachmentBlobs.get(attachmentId);
      if (!stored) throw new StoreError('store.error.attachmentMissing');
      let data: ArrayBuffer;
      try {
        data = await stored.data.arrayBuffer();
      } catch (error) {
        throw new StoreError('store.error.blobUnreadable', {}, { cause: error });
      }
      const plain = await cipher.open({ iv: stored.iv, data }, blobBinding(attachmentId));
      if ((await sha256Hex(plain)) !== meta.sha256) throw new StoreError('store.error.integrity');
      return new Blob([plain], { type: meta.mimeType });
    },

    saveReading(caseId, attachmentId, reading) {
      return guardWrite(async () => {
        const id = newId();
        const sealed = await cipher.sealJson(reading, readingBinding(id));
        await db.documentReadings.add({ id, caseId, attachmentId, createdAt: clock(), sealed });
        return id;
      });
    },

    async listReadings(caseId) {
      const rows = (await db.documentReadings.where('caseId').equals(caseId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
      return Promise.all(rows.map(async (row) => ({ id: row.id, attachmentId: row.attachmentId, createdAt: row.createdAt, reading: await cipher.openJson(row.sealed, readingBinding(row.id)) })));
    },

    async listCases(query) {
      const inRange = inDateRange(query);
      if (query.search !== undefined && query.search.trim() !== '') {
        const terms = queryTerms(query.search);
        if (terms.length === 0) return { items: [], total: 0 };
        const tokens = await Promise.all(terms.map((term) => cipher.blindToken(term)));
        const rows = (await db.cases.where('searchTokens').equals(tokens[0]).toArray())
          .filter((row) => tokens.every((token) => row.searchTokens.includes(token)))
          .filter((row) => query.state === undefined || row.state === query.state)
          .filter(inRange)
          .sort((a, b) => b.priority - a.priority || b.createdAt - a.createdAt);
        const page = rows.slice(query.offset, query.offset + query.limit);
        return { items: await Promise.all(page.map(summarise)), total: rows.length };
      }
      // Urgent first, newest first: two index ranges read in reverse, so paging and counting never
      // deserialise a row outside the page.
      const from = query.from ?? -Infinity;
      const to = query.to ?? Infinity;
      const range = (priority: 0 | 1) =>
        query.state === undefined
          ? db.cases.where('[priority+createdAt]').between([priority, from], [priority, to], true, true).reverse()
          : db.cases.where('[state+priority+createdAt]').between([query.state, priority, from], [query.state, priority, to], true, true).reverse();
      const [urgentCount, otherCount] = await Promise.all([range(1).count(), range(0).count()]);
      const page = query.offset < urgentCount ? await range(1).offset(query.offset).limit(query.limit).toArray() : [];
      const remaining = query.limit - page.length;
      if (remaining > 0) page.push(...(await range(0).offset(Math.max(0, query.offset - urgentCount)).limit(remaining).toArray()));
      return { items: await Promise.all(page.map(summarise)), total: urgentCount + otherCount };
    },

    async countByState() {
      const states = CaseStateSchema.options;
      const counts = await Promise.all(states.map((state) => db.cases.where('state').equals(state).count()));
      return Object.fromEntries(states.map((state, i) => [state, counts[i]])) as Record<CaseState, number>;
    },

    decide(caseId, input, clerkId, refusalNotice) {
      return change<SealedDocument | null>(
        caseId,
        clerkId,
        (record) => {
          requireEditable(record);
          const parsed = Decision.safeParse({ ...input, clerkId, decidedAt: clock() });
          if (!parsed.success) throw new StoreError('store.error.refusalNeedsReason');
          const decision = parsed.data;
          return {
            next: { ...record, decision, state: 'queued' },
            audit: { clerkId, action: 'decide', caseId, detail: `${decision.outcome}:${decision.reasonCodes.join(',')}`.slice(0, 200) },
          };
        },
        async (record, notice) => {
          await db.outbox.put({ caseId, priority: record.urgent ? 1 : 0, queuedAt: record.updatedAt, attempts: 0, nextAttemptAt: record.updatedAt, lastError: null, uploadUrls: {} });
          const withdrawn = await db.attachments.where('caseId').equals(caseId).filter((a) => a.role === 'avviso-rifiuto').toArray();
          for (const old of withdrawn) {
            await db.attachmentBlobs.delete(old.id);
            await db.attachments.delete(old.id);
            await appendAudit(db, cipher.auditKey, { clerkId, action: 'notice', caseId, detail: `withdrawn:${old.sha256}` }, record.updatedAt);
          }
          if (notice) {
            await db.attachmentBlobs.add({ id: notice.meta.id, iv: notice.sealed.iv, data: new Blob([notice.sealed.data]) });
            await db.attachments.add(notice.meta);
            await appendAudit(db, cipher.auditKey, { clerkId, action: 'notice', caseId, detail: `issued:${notice.meta.sha256}` }, record.updatedAt);
          }
        },
        async (record) => {
          if (record.decision?.outcome !== 'refuse' || !refusalNotice) return null;
          let pdf: Uint8Array;
          try {
            pdf = await refusalNotice(record);
          } catch (error) {
            throw new StoreError('store.error.noticeFailed', {}, { cause: error });
          }
          return sealDocument(caseId, { role: 'avviso-rifiuto', mimeType: 'application/pdf', page: 1, bytes: new Blob([pdf as BlobPart]) }, record.updatedAt);
        },
      );
    },

    reopen(caseId, clerkId) {
      return change(
        caseId,
        clerkId,
        (record) => {
          if (!canReopen(record.state)) throw new StoreError('store.error.notReopenable', { state: record.state });
          return { next: { ...record, decision: null, state: 'draft' }, audit: { clerkId, action: 'reopen', caseId } };
        },
        async () => {
          // A case that left in a bundle is now another workstation's to send (docs/outbox.md).
          if ((await db.outbox.get(caseId))?.exported) throw new StoreError('store.error.exportedCase');
          await db.outbox.delete(caseId);
        },
      );
    },

    async moveState(caseId, to, actorId, detail) {
      await exclusive(() =>
        guardWrite(() =>
          db.transaction('rw', [db.cases, ...auditTables(db)], async () => {
            const row = await readRow(caseId);
            if (to === 'draft' || !canMove(row.state, to)) throw new StoreError('store.error.badTransition', { from: row.state, to });
            const now = Math.max(clock(), row.updatedAt + 1);
            await db.cases.update(caseId, { state: to, updatedAt: now, ...(to === 'acknowledged' ? { acknowledgedAt: now } : {}) });
            await appendAudit(db, cipher.auditKey, { clerkId: actorId, action: 'sync', caseId, detail: detail ? `${to}:${detail}`.slice(0, 200) : to }, now);
          }),
        ),
      );
    },
  };
}
