import { useMemo } from 'react';
import { create } from 'zustand';
import type { AttachmentMeta, AttachmentRole, CaseRecord, Profile } from '../../shared/case/case';
import type { FormFieldName, FormFieldValue } from '../../shared/case/form-fields';
import type { MessageKey } from '../../shared/i18n/messages-it';
import type { IdentityCheck } from '../../shared/identity/types';
import { buildChecklist, type IntakeChecklist } from '../../shared/intake/checklist';
import { inspectScanFile } from '../../shared/intake/scan-file';
import type { CaseRepository } from '../store/case-repository';
import { useSession } from '../store/session';
import { StoreError } from '../store/store-error';

export type IntakeStep = 'request' | 'capture' | 'form' | 'check' | 'decision';
export const INTAKE_STEPS: IntakeStep[] = ['request', 'capture', 'form', 'check', 'decision'];

/** A message shown in place, next to what it is about, until the clerk moves on. */
export interface IntakeNotice {
  id: number;
  place: AttachmentRole | 'tray' | 'case';
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
  /** The form-versus-ID check and the signature detection, once the documents were read. */
  identityCheck: IdentityCheck | null;
  formSigned: boolean | null;
  decide(decision: { outcome: 'accept' | 'refuse'; reasonCodes: string[]; freeText: string }): Promise<void>;
  reopen(): Promise<void>;
  start(input: { profile: Profile; urgent: boolean; urgentReason: string }): Promise<void>;
  open(caseId: string): Promise<void>;
  close(): void;
  goTo(step: IntakeStep): void;
  updateDetails(patch: { profile?: Profile; urgent?: boolean; urgentReason?: string }): Promise<void>;
  saveField(field: FormFieldName, value: FormFieldValue | null): Promise<void>;
  /** Validates the bytes, stores them encrypted, and reports in place; true when the case holds them. */
  attachFile(role: AttachmentRole, name: string, bytes: Uint8Array): Promise<boolean>;
  notify(notice: Omit<IntakeNotice, 'id'>): void;
  dismiss(id: number): void;
}

function repository(): { cases: CaseRepository; clerkId: string } {
  const { store, clerk } = useSession.getState();
  if (!store || !clerk) throw new Error('The intake needs an unlocked store and a signed-in clerk.');
  return { cases: store.cases, clerkId: clerk.id };
}

let noticeCounter = 0;

export const useIntake = create<IntakeState>((set, get) => {
  async function loadPreviews(attachments: AttachmentMeta[]): Promise<void> {
    const { cases } = repository();
    const previews = { ...get().previews };
    for (const attachment of attachments) {
      if (previews[attachment.id] || attachment.purgedAt !== null) continue;
      previews[attachment.id] = URL.createObjectURL(await cases.readAttachment(attachment.id));
    }
    set({ previews });
  }

  async function refreshAttachments(): Promise<void> {
    const record = get().record;
    if (!record) return;
    const attachments = await repository().cases.listAttachments(record.id);
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
    formSigned: null,

    async decide(decision) {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = repository();
      set({ record: await cases.decide(record.id, decision, clerkId) });
    },

    async reopen() {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = repository();
      set({ record: await cases.reopen(record.id, clerkId) });
    },

    async start(input) {
      const { cases, clerkId } = repository();
      get().close();
      const record = await cases.createDraft(input, clerkId);
      set({ record, step: 'capture' });
    },

    async open(caseId) {
      const { cases, clerkId } = repository();
      if (get().record?.id !== caseId) get().close();
      const record = await cases.loadCase(caseId, clerkId);
      // A second open of the same case (React StrictMode re-runs effects) keeps the clerk's step.
      const alreadyOpen = get().record?.id === caseId;
      set(alreadyOpen ? { record } : { record, step: record.state === 'draft' ? 'capture' : 'decision' });
      await refreshAttachments();
    },

    close() {
      for (const url of Object.values(get().previews)) URL.revokeObjectURL(url);
      set({ record: null, attachments: [], previews: {}, notices: [], step: 'request', identityCheck: null, formSigned: null });
    },

    goTo(step) {
      set({ step });
    },

    async updateDetails(patch) {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = repository();
      set({ record: await cases.updateDetails(record.id, patch, clerkId) });
    },

    async saveField(field, value) {
      const record = get().record;
      if (!record) return;
      const { cases, clerkId } = repository();
      set({ record: await cases.saveField(record.id, field, value, clerkId) });
    },

    async attachFile(role, name, bytes) {
      const record = get().record;
      if (!record) return false;
      const verdict = inspectScanFile(bytes);
      if (!verdict.ok) {
        get().notify({ place: role, kind: 'error', key: `intake.scan.${verdict.problem}`, params: { name } });
        return false;
      }
      const { cases, clerkId } = repository();
      let duplicate: boolean;
      try {
        ({ duplicate } = await cases.attach(
          record.id,
          { role, mimeType: verdict.mimeType, page: 1, bytes: new Blob([bytes as BlobPart], { type: verdict.mimeType }) },
          clerkId,
        ));
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
  return useMemo(
    () => (record ? buildChecklist({ profile: record.profile, form: record.form, roles: attachments.map((a) => a.role), formSigned, identityCheck }) : null),
    [record, attachments, identityCheck, formSigned],
  );
}
