import type { WorkstationRecord } from '../../shared/central-api/admin';
import type { CaseStatus } from '../../shared/central-api/cases';
import type { CaseChange } from '../../shared/central-api/changes';
import type { StoredCase } from './repository';

/**
 * Row mapping shared by the SQLite and PostgreSQL repositories: SQLite returns JSON as text and
 * times as ISO text, PostgreSQL returns parsed jsonb and Date objects.
 */
export type Row = Record<string, unknown>;

export function isoTime(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toStoredCase(row: Row): StoredCase {
  return {
    caseId: String(row.case_id),
    officeCode: String(row.office_code),
    workstationId: String(row.workstation_id),
    fingerprint: String(row.fingerprint),
    protocolNumber: String(row.protocol_number),
    priority: row.priority as StoredCase['priority'],
    submission: json(row.submission),
    receipt: json(row.receipt),
    status: row.status as CaseStatus,
    reasons: json(row.reasons),
    receivedAt: isoTime(row.received_at),
    statusChangedAt: isoTime(row.status_changed_at),
    receivedOrder: Number(row.received_order),
  };
}

export function toWorkstation(row: Row): WorkstationRecord {
  return {
    workstationId: String(row.workstation_id),
    officeCode: String(row.office_code),
    workstationName: String(row.name),
    enrolledAt: isoTime(row.enrolled_at),
    revokedAt: row.revoked_at == null ? null : isoTime(row.revoked_at),
  };
}

export function toChange(row: Row): { seq: number; change: CaseChange } {
  return {
    seq: Number(row.seq),
    change: {
      caseId: String(row.case_id),
      protocolNumber: String(row.protocol_number),
      status: row.status as CaseStatus,
      reasons: json(row.reasons),
      changedAt: isoTime(row.changed_at),
    },
  };
}

export function formatProtocolNumber(officeCode: string, year: number, number: number): string {
  return `${officeCode}-${year}-${String(number).padStart(7, '0')}`;
}
