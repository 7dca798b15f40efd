import type { CaseChange } from '../../shared/central-api/changes';
import type { CaseStatus, CaseSubmission, Receipt } from '../../shared/central-api/cases';
import type { StatusReason } from '../../shared/central-api/common';
import type { Office, WorkstationRecord } from '../../shared/central-api/admin';

/** A committed case as the service holds it. */
export interface StoredCase {
  caseId: string;
  officeCode: string;
  workstationId: string;
  /** SHA-256 of the case's canonical content (see case-fingerprint.ts): decides identical vs conflicting resends. */
  fingerprint: string;
  protocolNumber: string;
  priority: 'normal' | 'urgent';
  submission: CaseSubmission;
  receipt: Receipt;
  status: CaseStatus;
  reasons: StatusReason[];
  receivedAt: string;
  statusChangedAt: string;
  /** Monotonic arrival order, used as the admin listing's keyset cursor. */
  receivedOrder: number;
}

export interface NewCase {
  caseId: string;
  officeCode: string;
  workstationId: string;
  fingerprint: string;
  priority: 'normal' | 'urgent';
  submission: CaseSubmission;
  receivedAt: string;
  /** Year the protocol number is counted in (Italian calendar year of `receivedAt`). */
  protocolYear: number;
}

export type CommitOutcome =
  | { kind: 'created' | 'identical'; stored: StoredCase }
  | { kind: 'conflict' };

export type StatusChangeOutcome =
  | { kind: 'changed'; change: CaseChange }
  | { kind: 'not-found' }
  | { kind: 'invalid-transition' };

export interface WorkstationWithOffice extends WorkstationRecord {
  officeName: string;
}

export interface CaseFilter {
  officeCode?: string;
  status?: CaseStatus;
  /** The counter's case number (inside the stored submission). */
  caseNumber?: string;
  afterOrder?: number;
  limit: number;
}

/**
 * Durable storage of the central service. Every method that changes data returns only after its
 * transaction committed, so whatever the HTTP layer acknowledges survives a crash. Implementations:
 * SQLite (embedded default) and PostgreSQL (production).
 */
export interface CentralRepository {
  putOffice(office: { officeCode: string; name: string; now: string }): Promise<{ kind: 'created' | 'existing' | 'conflict'; office: Office }>;
  getOffice(officeCode: string): Promise<Office | null>;
  addEnrollmentCode(code: { codeHash: string; officeCode: string; expiresAt: string; now: string }): Promise<void>;
  /** Atomically burns the one-time code and creates the workstation; null if the code is unknown, used or expired. */
  redeemEnrollmentCode(input: {
    officeCode: string;
    codeHash: string;
    workstationId: string;
    workstationName: string;
    tokenHash: string;
    now: string;
  }): Promise<WorkstationRecord | null>;
  findWorkstationByTokenHash(tokenHash: string): Promise<WorkstationWithOffice | null>;
  listWorkstations(officeCode?: string): Promise<WorkstationRecord[]>;
  revokeWorkstation(workstationId: string, now: string): Promise<WorkstationRecord | null>;
  findCase(caseId: string): Promise<StoredCase | null>;
  /**
   * Inserts the case with its protocol number and its first `received` change in one transaction.
   * A concurrent or earlier commit of the same id is reported as identical or conflict, by fingerprint.
   */
  commitCase(newCase: NewCase, buildReceipt: (protocolNumber: string) => Receipt): Promise<CommitOutcome>;
  listChanges(officeCode: string, afterSeq: number, limit: number): Promise<{ seq: number; change: CaseChange }[]>;
  listCases(filter: CaseFilter): Promise<StoredCase[]>;
  caseHistory(caseId: string): Promise<{ status: CaseStatus; reasons: StatusReason[]; changedAt: string }[]>;
  setCaseStatus(input: { caseId: string; status: CaseStatus; reasons: StatusReason[]; now: string }): Promise<StatusChangeOutcome>;
  close(): Promise<void>;
}
