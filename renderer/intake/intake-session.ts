import { useMemo } from 'react';
import { readCaseDocuments, readingKey } from './case-reading';
import { partsToRead } from '../../shared/intake/reading-parts';
import { formProposals, NO_PROPOSALS, prefilledValues, type FormProposals } from '../../shared/intake/form-proposals';
import { create } from 'zustand';
import { isScan, scanRolesOf, type AttachmentMeta, type ScanRole, type CaseRecord, type Profile } from '../../shared/case/case';
import type { FormFieldName, FormFieldValue } from '../../shared/case/form-fields';
import type { MessageKey } from '../../shared/i18n/messages-it';
import type { IdDocumentField, IdDocumentReading, IdentityCheck } from '../../shared/identity/types';
import { verifyIdentity } from '../../shared/identity/form-id-check';
import { formIdentityFromAcroForm } from '../../shared/identity/form-identity';
import { applyOverrides, isJustified, type CheckOverride } from '../../shared/intake/check-overrides';
import { z } from 'zod';
import { buildChecklist, type IntakeChecklist } from '../../shared/intake/checklist';
import { inspectScanFile } from '../../shared/intake/scan-file';
import { effectiveFormSigned, signedFormStatus } from '../../shared/intake/signed-form';
import { formDigest } from '../../shared/notices/form-code';
import { useSignedForms, type SignedFormCapture } from './signed-form-session';
import { NO_REGIONS, type ReadRegions } from '../../shared/intake/read-regions';
import { describeTransform, type ScanTransform } from '../../shared/intake/scan-transform';
import { editScan, isEditable } from './scan-editing';
import { forgetPageImages } from './page-images';
import { forgetOpenCaseScan, forgetOpenCaseScans, keepOpenCaseScan, openCaseScan } from './open-case-scans';
import { signedInWork } from '../store/session';
import { StoreError } from '../store/store-error';

export type IntakeStep = 'request' | 'capture' | 'form' | 'check' | 'decision';
export const INTAKE_STEPS: IntakeStep[] = ['request', 'capture', 'form', 'check', 'decision'];

/** A message shown in place, next to what it is about, until the clerk moves on. */
export interface IntakeNotice {
  id: number;
  place: ScanRole | 'tray' | 'case';
  kind: 'error' | 'ok';
  key: MessageKey;
  params: Record<string, string | number>;
}

interface IntakeState {
  record: CaseRecord | null;
  attachments: AttachmentMeta[];
  /** Object URLs of the decrypted scans shown on screen; revoked when the case is closed. */
  previews: Record<string, string>;
  step: IntakeStep;
  notices: IntakeNotice[];
  /** What the ID reading found (after the clerk's corrections), the signature detection, and overrides. */
  documentReading: IdDocumentReading | null;
  formSigned: boolean | null;
  /** Where each value of the reading was read on the scans (for the regions shown in the check). */
  regions: ReadRegions;
  overrides: CheckOverride[];
  /** Handwritten values offered as suggestions, the profile ticked on the form, the form reading's warnings. */
  formProposals: FormProposals;
  /** The form-versus-ID check on the current form values; recomputed whenever either side changes. */
  identityCheck: IdentityCheck | null;
  /** Stores a reading of the documents (from OCR) and checks the form against it. */
  applyReading(reading: { document: IdDocumentReading | null; formSigned: boolean | null; regions?: ReadRegions; key?: string | null; proposals?: FormProposals }): Promise<void>;
  /** Reads the case's scans (once per set of scans), prefills the form and runs the check. */
  readDocuments(): Promise<void>;
  reading: { state: 'idle' | 'reading' | 'done'; key: string | null; problems: string[] };
  /** The clerk corrects a value the reader got wrong (audited as an OCR correction). */
  correctDocumentValue(field: IdDocumentField, value: string): Promise<void>;
  /** The clerk uses a handwriting suggestion as the field's value (audited as an OCR correction). */
  acceptSuggestion(field: FormFieldName): Promise<void>;
  /** Declares a personal-data mismatch a match, with a written justification (audited). */
  overrideMismatch(input: { code: string; field: CheckOverride['field']; justification: string }): Promise<boolean>;
  /** `refusalNotice` renders the notice PDF from the decided case; the store keeps it with the decision. */
  decide(decision: { outcome: 'accept' | 'refuse'; reasonCodes: string[]; freeText: string }, refusalNotice?: (decided: CaseRecord) => Promise<Uint8Array>): Promise<void>;
  reopen(): Promise<void>;
  /** A null profile is read from the form's ticked box, when it has one. */
  start(input: { profile: Profile | null; urgent: boolean; urgentReason: string }): Promise<void>;
  open(caseId: string): Promise<void>;
  close(): void;
  goTo(step: IntakeStep): void;
  updateDetails(patch: { profile?: Profile; urgent?: boolean; urgentReason?: string }): Promise<void>;
  saveField(field: FormFieldName, value: FormFieldValue | null): Promise<void>;
  /**
   * Applies the clerk's rotate/straighten/crop to a scan (to `page` of a PDF): the edited file
   * replaces it (new hash, audited) and the scans are read again when they had been read already.
   * True when the case holds the edit.
   */
  transformScan(attachmentId: string, transform: ScanTransform, page?: number): Promise<boolean>;
  /** Moves a scan to the slot it belongs to, or removes it; reported in place, the scans are read again. */
  reassignScan(attachmentId: string, role: ScanRole): Promise<void>;
  removeScan(attachmentId: string): Promise<void>;
  /** Validates the bytes, stores them encrypted, and reports in place; true when the case holds them. */
  attachFile(role: ScanRole, name: string, bytes: Uint8Array): Promise<boolean>;
  /**
   * A signed prefilled form, recognised by its code whatever the source, goes to the case the code
   * names (reported at `place`); `none` when the file carries no code of ours.
   */
  attachSignedForm(place: IntakeNotice['place'], name: string, bytes: Uint8Array): Promise<SignedFormCapture['kind']>;
  notify(notice: Omit<IntakeNotice, 'id'>): void;
  dismiss(id: number): void;
}

const StoredIntakeReading = z.object({ kind: z.literal('intake-reading'), document: z.custom<IdDocumentReading>().nullable(), formSigned: z.boolean().nullable(), regions: z.custom<ReadRegions>().optional(), key: z.string().nullable().optional(), proposals: z.custom<FormProposals>().optional() });
const StoredOverride = z.object({ kind: z.literal('check-override'), code: z.string(), field: z.string(), justification: z.string(), clerkId: z.string(), at: z.number() });

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

let noticeCounter = 0;

export const useIntake = create<IntakeState>((set, get) => {
  async function loadPreviews(attachments: AttachmentMeta[]): Promise<void> {
    const previews = { ...get().previews };
    for (const attachment of attachments) {
      if (previews[attachment.id] || attachment.purgedAt !== null) continue;
      previews[attachment.id] = URL.createObjectURL(await openCaseScan(attachment.id));
    }
    set({ previews });
  }

  /** The form values as the identity check reads them, then the check against the ID reading. */
  async function recheck(): Promise<void> {
    const { record, documentReading } = get();
    if (!record || !documentReading) return set({ identityCheck: null });
    const values = Object.fromEntries(Object.entries(record.form).map(([field, v]) => [field, v?.value ?? '']));
    set({ identityCheck: await verifyIdentity(formIdentityFromAcroForm(values), documentReading, today()) });
  }

  /** Readings and overrides saved with the case: the latest reading wins, every override counts. */
  async function restoreReadings(caseId: string): Promise<void> {
    const stored = await signedInWork().cases.listReadings(caseId);
    let latest: z.infer<typeof StoredIntakeReading> | null = null;
    const overrides: CheckOverride[] = [];
    for (const view of [...stored].sort((a, b) => a.createdAt - b.createdAt)) {
      const reading = StoredIntakeReading.safeParse(view.reading);
      if (reading.success) latest = reading.data;
      const override = StoredOverride.safeParse(view.reading);
      if (override.success) overrides.push({ ...override.data, field: override.data.field as CheckOverride['field'] });
    }
    set({ documentReading: latest?.document ?? null, formSigned: latest?.formSigned ?? null, regions: latest?.regions ?? NO_REGIONS, formProposals: latest?.proposals ?? NO_PROPOSALS, overrides, reading: { state: latest ? 'done' : 'idle', key: latest?.key ?? null, problems: [] } });
    await recheck();
  }

  /** One scan changed by the clerk (moved, removed): reported at `place`, then the scans are read again. */
  async function changeScan(attachmentId: string, place: ScanRole, work: (cases: ReturnType<typeof signedInWork>['cases'], clerkId: string) => Promise<unknown>, done: MessageKey): Promise<void> {
    const scan = get().attachments.find((a) => a.id === attachmentId);
    if (!get().record || !scan || !isScan(scan)) return;
    const { cases, clerkId } = signedInWork();
    try {
      await work(cases, clerkId);
    } catch (error) {
      if (error instanceof StoreError) return get().notify({ place: scan.role, kind: 'error', key: error.messageKey, params: error.details });
      throw error;
    }
    await refreshAttachments();
    get().notify({ place, kind: 'ok', key: done, params: {} });
    if (get().reading.key !== null) void get().readDocuments();
  }

  async function refreshAttachments(): Promise<void> {
    const record = get().record;
    if (!record) return;
    const attachments = await signedInWork().cases.listAttachments(record.id);
    set({ attachments });
    await loadPreviews(attachments);
  }

  return {
    record: null,
    attachments: [],
    previews: {},
    step: 'request',
    notices: [],
    identityCheck: null,
    documentReading: null,
    formSigned: null,
    regions: NO_REGIONS,
    overrides: [],
    formProposals: NO_PROPOSALS,

    reading: { state: 'idle', key: null, problems: [] },

    async applyReading({ document, formSigned, regions = NO_REGIONS, key = null, proposals = get().formProposals }) {
      const record = get().record;
      if (!record) return;
      const { cases } = signedInWork();
      await cases.saveReading(record.id, null, { kind: 'intake-reading', document, formSigned, regions, key, proposals });
      set({ documentReading: document, formSigned, regions, formProposals: proposals });
      await recheck();
    },

    async readDocuments() {
      const { record, reading } = get();
      // Only the captured pages are read; the refusal notice the office generated is not a scan.
      const attachments = get().attachments.filter(isScan);
      if (!record || attachments.length === 0 || reading.state === 'reading') return;
      const key = readingKey(attachments);
      if (key === reading.key) return;
      set({ reading: { state: 'reading', key, problems: [] } });
      const { cases, clerkId } = signedInWork();
      // A recognised prefilled form carries the on-screen data: its fields are never OCR'd.
      await useSignedForms.getState().loaded;
      const prefilled = new Set(useSignedForms.getState().scans.map((scan) => scan.attachmentId));
      const parts = partsToRead(reading.key, key);
      const toRead = attachments.filter((a) => !prefilled.has(a.id) && (a.role === 'modulo' ? parts.form : parts.document));
      const result = await readCaseDocuments(toRead, openCaseScan, today());
      if (get().record?.id !== record.id) return;
      // Values read from the form fill only what the clerk has not typed; they keep their source.
      // Handwritten ones are only suggestions (formProposals), never prefilled.
      // One write and one re-check for all of them: a store write and a render per field kept the
      // page's thread busy in long runs while the check came on screen.
      const readValues = Object.entries(result.form ? prefilledValues(result.form) : {}).filter(([field]) => get().record?.form[field as FormFieldName]?.source !== 'clerk');
      if (readValues.length > 0) {
        set({ record: await cases.prefillFields(record.id, Object.fromEntries(readValues), clerkId) });
        await recheck();
      }
      let proposals = parts.form ? (result.form ? formProposals(result.form) : NO_PROPOSALS) : get().formProposals;
      // The profile ticked on the form is taken only when the clerk has not chosen one.
      if (parts.form && proposals.profile && get().record?.profile === null) {
        await get().updateDetails({ profile: proposals.profile.value });
        proposals = { ...proposals, profileApplied: true };
      }
      const kept = get();
      await get().applyReading({
        document: parts.document ? result.document : kept.documentReading,
        formSigned: parts.form ? (result.form ? result.form.signature.signed : null) : kept.formSigned,
        regions: { document: parts.document ? result.regions.document : kept.regions.document, form: parts.form ? result.regions.form : kept.regions.form },
        key,
        proposals,
      });
      set({ reading: { state: 'done', key, problems: result.problems } });
      // A scan edited while this reading ran: read the new set too.
      if (readingKey(get().attachments.filter(isScan)) !== key) void get().readDocuments();
    },

    async correctDocumentValue(field, value) {
      const { record, documentReading, formSigned, regions } = get();
      if (!record || !documentReading) return;
      const { cases, clerkId, audit } = signedInWork();
      const corrected: IdDocumentReading = {
        ...documentReading,
        fields: { ...documentReading.fields, [field]: value.trim() === '' ? null : value.trim() },
        fieldSources: { ...documentReading.fieldSources, [field]: 'clerk' },
        confidence: { ...documentReading.confidence, [field]: 1 },
      };
      await cases.saveReading(record.id, null, { kind: 'intake-reading', document: corrected, formSigned, regions, key: get().reading.key });
      await audit.record({ clerkId, action: 'ocr-correction', caseId: record.id, detail: `document:${field}` });
      set({ documentReading: corrected });
      await recheck();
    },

    async acceptSuggestion(field) {
      const { record, formProposals: { suggestions } } = get();
      const suggestion = suggestions[field];
      if (!record || !suggestion) return;
      const { cases, clerkId } = signedInWork();
      // The clerk vouches for the value read from the handwriting: it is theirs from now on.
      set({ record: await cases.saveField(record.id, field, { value: suggestion.value, source: 'clerk', confidence: 1 }, clerkId, 'ocr-correction') });
      await recheck();
    },

    async overrideMismatch({ code, field, justification }) {
      const record = get().record;
      if (!record || !isJustified(justification)) return false;
      const { cases, clerkId, audit } = signedInWork();
      const override: CheckOverride = { code, field, justification: justification.trim(), clerkId, at: Date.now() };
      await cases.saveReading(record.id, null, { kind: 'check-override', ...override });
      await audit.record({ clerkId, action: 'ocr-correction', caseId: record.id, detail: `override:${code}:${field}` });
      set({ overrides: [...get().overrides, override] });
      return true;
    },

    async decide(decision, refusalNotice) {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = signedInWork();
      set({ record: await cases.decide(record.id, decision, clerkId, refusalNotice) });
      await refreshAttachments();
    },

    async reopen() {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = signedInWork();
      set({ record: await cases.reopen(record.id, clerkId) });
    },

    async start(input) {
      const { cases, clerkId } = signedInWork();
      get().close();
      const record = await cases.createDraft(input, clerkId);
      void useSignedForms.getState().load(record.id);
      set({ record, step: 'capture' });
    },

    async open(caseId) {
      const { cases, clerkId } = signedInWork();
      if (get().record?.id !== caseId) get().close();
      const record = await cases.loadCase(caseId, clerkId);
      // A second open of the same case (React StrictMode re-runs effects) keeps the clerk's step.
      const alreadyOpen = get().record?.id === caseId;
      set(alreadyOpen ? { record } : { record, step: record.state === 'draft' ? 'capture' : 'decision' });
      void useSignedForms.getState().load(caseId);
      await refreshAttachments();
      await restoreReadings(caseId);
    },

    close() {
      for (const url of Object.values(get().previews)) URL.revokeObjectURL(url);
      forgetOpenCaseScans();
      void useSignedForms.getState().load(null);
      forgetPageImages();
      set({ record: null, attachments: [], previews: {}, notices: [], step: 'request', identityCheck: null, documentReading: null, formSigned: null, regions: NO_REGIONS, overrides: [], formProposals: NO_PROPOSALS, reading: { state: 'idle', key: null, problems: [] } });
    },

    goTo(step) {
      set({ step });
    },

    async updateDetails(patch) {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = signedInWork();
      set({ record: await cases.updateDetails(record.id, patch, clerkId) });
    },

    async saveField(field, value) {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = signedInWork();
      set({ record: await cases.saveField(record.id, field, value, clerkId) });
      await recheck();
    },

    async attachFile(role, name, bytes) {
      const record = get().record;
      if (!record) return false;
      const verdict = inspectScanFile(bytes);
      if (!verdict.ok) {
        get().notify({ place: role, kind: 'error', key: `intake.scan.${verdict.problem}`, params: { name } });
        return false;
      }
      const signedForm = await get().attachSignedForm(role, name, bytes);
      if (signedForm !== 'none') return signedForm === 'kept';
      const { cases, clerkId } = signedInWork();
      const blob = new Blob([bytes as BlobPart], { type: verdict.mimeType });
      let duplicate: boolean;
      try {
        let attachment: AttachmentMeta;
        ({ attachment, duplicate } = await cases.attach(record.id, { role, mimeType: verdict.mimeType, page: 1, bytes: blob }, clerkId));
        if (!duplicate) keepOpenCaseScan(attachment.id, blob);
      } catch (error) {
        // Disk full or a failed blob write: the case and its other scans are untouched.
        if (error instanceof StoreError) get().notify({ place: role, kind: 'error', key: error.messageKey, params: { ...error.details, name } });
        else throw error;
        return false;
      }
      get().notify({ place: role, kind: duplicate ? 'error' : 'ok', key: duplicate ? 'intake.scan.duplicate' : 'intake.capture.attached', params: { name } });
      await refreshAttachments();
      return true;
    },

    async reassignScan(attachmentId, role) {
      await changeScan(attachmentId, role, (cases, clerkId) => cases.reassignScan(attachmentId, role, clerkId), 'intake.capture.moved');
    },

    async removeScan(attachmentId) {
      const scan = get().attachments.find((a) => a.id === attachmentId);
      if (!scan || !isScan(scan)) return;
      await changeScan(attachmentId, scan.role, (cases, clerkId) => cases.removeScan(attachmentId, clerkId), 'intake.capture.removed');
    },

    async transformScan(attachmentId, transform, page = 1) {
      const original = get().attachments.find((a) => a.id === attachmentId);
      if (!get().record || !original || !isEditable(original.mimeType) || original.role === 'avviso-rifiuto') return false;
      const { cases, clerkId } = signedInWork();
      const place = original.role;
      try {
        const edited = await editScan(original, page, transform, () => cases.readAttachment(attachmentId));
        await cases.replaceScan(attachmentId, { ...edited, transform: describeTransform(transform, original.mimeType === 'application/pdf' || original.mimeType === 'image/tiff' ? page : undefined) }, clerkId);
      } catch (error) {
        if (error instanceof StoreError) get().notify({ place, kind: 'error', key: error.messageKey, params: error.details });
        else get().notify({ place, kind: 'error', key: 'intake.editor.failed', params: {} });
        return false;
      }
      const previews = { ...get().previews };
      if (previews[attachmentId]) URL.revokeObjectURL(previews[attachmentId]);
      delete previews[attachmentId];
      forgetOpenCaseScan(attachmentId);
      set({ previews });
      await refreshAttachments();
      get().notify({ place, kind: 'ok', key: 'intake.editor.saved', params: {} });
      // Scans already read are read again now; otherwise the reading starts when capture is left.
      if (get().reading.key !== null) void get().readDocuments();
      return true;
    },

    async attachSignedForm(place, name, bytes) {
      const verdict = inspectScanFile(bytes);
      if (!verdict.ok) return 'none';
      let capture: SignedFormCapture;
      try {
        capture = await useSignedForms.getState().capture({ name, bytes, mimeType: verdict.mimeType, openCase: get().record });
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        get().notify({ place, kind: 'error', key: error.messageKey, params: { ...error.details, name } });
        return 'refused';
      }
      if (capture.kind === 'none') return 'none';
      get().notify({ place, ...capture.notice });
      if (capture.kind === 'kept' && capture.here) await refreshAttachments();
      return capture.kind;
    },

    notify(notice) {
      const id = ++noticeCounter;
      // One message per place: the newest replaces the previous one there.
      set({ notices: [...get().notices.filter((n) => n.place !== notice.place), { ...notice, id }] });
    },

    dismiss(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
  };
});

/** The checklist of the open case, recomputed only when what it depends on changes. */
export function useChecklist(): IntakeChecklist | null {
  const record = useIntake((s) => s.record);
  const attachments = useIntake((s) => s.attachments);
  const identityCheck = useIntake((s) => s.identityCheck);
  const formSigned = useIntake((s) => s.formSigned);
  const overrides = useIntake((s) => s.overrides);
  const signedForms = useSignedForms((s) => s.scans);
  return useMemo(
    () =>
      record
        ? buildChecklist({
            profile: record.profile,
            form: record.form,
            roles: scanRolesOf(attachments),
            formSigned: effectiveFormSigned(signedFormStatus(signedForms, formDigest(record.profile, record.form)), formSigned),
            identityCheck: identityCheck && applyOverrides(identityCheck, overrides),
          })
        : null,
    [record, attachments, identityCheck, formSigned, overrides, signedForms],
  );
}
