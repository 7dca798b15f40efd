/**
 * The walk-in state of the open case: the prefilled forms printed for it and the signed pages
 * recognised by their code. Both are stored with the case (encrypted readings) and reloaded with it.
 */
import { create } from 'zustand';
import type { CaseRecord } from '../../shared/case/case';
import type { ScanMimeType } from '../../shared/intake/scan-file';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { formDigest } from '../../shared/notices/form-code';
import { PrefilledFormIssued, SignedFormScan, routeSignedForm, type CodedCase } from '../../shared/intake/signed-form';
import { signedInWork } from '../store/session';
import { StoreError } from '../store/store-error';
import { sessionDocumentReader } from '../ocr/document-reader';

export interface SignedFormNotice {
  kind: 'ok' | 'error';
  key: MessageKey;
  params: Record<string, string | number>;
}

/** `none`: no code of ours, capture as usual; `kept`: a case holds the file; `refused`: nothing attached. */
export type SignedFormCapture = { kind: 'none' } | { kind: 'kept'; here: boolean; notice: SignedFormNotice } | { kind: 'refused'; notice: SignedFormNotice };

interface SignedFormState {
  caseId: string | null;
  issued: PrefilledFormIssued[];
  scans: SignedFormScan[];
  /** Settles once the open case's walk-in state is loaded (the reading waits for it). */
  loaded: Promise<void>;
  load(caseId: string | null): Promise<void>;
  /** Records (with an audit entry carrying the digest) that a prefilled form was printed with these data. */
  recordIssued(record: CaseRecord, digest: string): Promise<void>;
  /**
   * Looks for a prefilled form's code on a captured file and, when there is one, attaches it to the
   * case the code names (the open one or another local case) as its signed form.
   */
  capture(input: { name: string; bytes: Uint8Array; mimeType: ScanMimeType; openCase: CaseRecord | null }): Promise<SignedFormCapture>;
}

/** The case a code names, as the routing rules need it; null when no local case has that id. */
async function codedCase(caseId: string, openCase: CaseRecord | null): Promise<CodedCase | null> {
  let record = openCase?.id === caseId ? openCase : null;
  if (!record) {
    const { cases, clerkId } = signedInWork();
    try {
      record = await cases.loadCase(caseId, clerkId);
    } catch (error) {
      if (error instanceof StoreError && error.messageKey === 'store.error.caseMissing') return null;
      throw error;
    }
  }
  return { id: record.id, number: record.number, state: record.state, formDigest: formDigest(record.profile, record.form) };
}

const refused = (key: MessageKey, params: Record<string, string | number>): SignedFormCapture => ({ kind: 'refused', notice: { kind: 'error', key, params } });

export const useSignedForms = create<SignedFormState>((set, get) => ({
  caseId: null,
  issued: [],
  scans: [],
  loaded: Promise.resolve(),

  load(caseId) {
    if (caseId === get().caseId) return get().loaded;
    // Every file captured for the case is searched for the form's code in the reading worker.
    if (caseId) sessionDocumentReader().prepare();
    const loaded = (async () => {
      if (!caseId) return set({ issued: [], scans: [] });
      const readings = await signedInWork().cases.listReadings(caseId);
      if (get().caseId !== caseId) return;
      const issued: PrefilledFormIssued[] = [];
      const scans: SignedFormScan[] = [];
      for (const view of readings) {
        const printed = PrefilledFormIssued.safeParse(view.reading);
        if (printed.success) issued.push(printed.data);
        const scan = SignedFormScan.safeParse(view.reading);
        if (scan.success) scans.push(scan.data);
      }
      set({ issued, scans });
    })();
    set({ caseId, issued: [], scans: [], loaded });
    return loaded;
  },

  async recordIssued(record, digest) {
    const { cases, audit, clerkId } = signedInWork();
    const issued: PrefilledFormIssued = { kind: 'prefilled-form-issued', formDigest: digest, at: Date.now() };
    await cases.saveReading(record.id, null, issued);
    await audit.record({ clerkId, action: 'print-form', caseId: record.id, detail: `prefilled-form:${digest}` });
    if (get().caseId === record.id) set({ issued: [...get().issued, issued] });
  },

  async capture({ name, bytes, mimeType, openCase }) {
    const form = await sessionDocumentReader().findSignedForm({ name, bytes });
    if (form === null) return { kind: 'none' };
    if (form === 'mixed') return refused('walkIn.scan.mixed', { name });
    const route = routeSignedForm(form.code, openCase?.id ?? null, await codedCase(form.code.caseId, openCase));
    if (route.kind === 'unknown-case') return refused('walkIn.scan.unknownCase', { name });
    if (route.kind === 'closed-case') return refused('walkIn.scan.closedCase', { name, number: route.number });
    if (route.kind === 'stale') return refused('walkIn.scan.stale', { name, number: route.number });
    const { cases, clerkId } = signedInWork();
    const blob = new Blob([bytes as BlobPart], { type: mimeType });
    const { attachment, duplicate } = await cases.attach(route.caseId, { role: 'modulo', mimeType, page: 1, bytes: blob }, clerkId);
    const params = { name, number: route.number };
    if (duplicate) return { kind: 'kept', here: route.here, notice: { kind: 'error', key: 'walkIn.scan.duplicate', params } };
    const scan: SignedFormScan = { kind: 'signed-form-scan', attachmentId: attachment.id, formDigest: form.code.formDigest, pages: form.pages };
    await cases.saveReading(route.caseId, attachment.id, scan);
    if (get().caseId === route.caseId) set({ scans: [...get().scans, scan] });
    return { kind: 'kept', here: route.here, notice: { kind: 'ok', key: route.here ? 'walkIn.scan.attachedHere' : 'walkIn.scan.attachedOther', params } };
  },
}));
