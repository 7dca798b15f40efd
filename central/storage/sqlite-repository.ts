import Database from 'better-sqlite3';
import type { CentralRepository, CommitOutcome, NewCase, StatusChangeOutcome, StoredCase } from './repository';
import { canChangeStatus } from './status-transitions';
import { formatProtocolNumber, isoTime, toChange, toStoredCase, toWorkstation, type Row } from './rows';

const schema = `
CREATE TABLE IF NOT EXISTS offices (
  office_code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS enrollment_codes (
  code_hash TEXT PRIMARY KEY,
  office_code TEXT NOT NULL REFERENCES offices(office_code),
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS workstations (
  workstation_id TEXT PRIMARY KEY,
  office_code TEXT NOT NULL REFERENCES offices(office_code),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  enrolled_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS protocol_counters (
  office_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (office_code, year)
);
CREATE TABLE IF NOT EXISTS cases (
  received_order INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL UNIQUE,
  office_code TEXT NOT NULL REFERENCES offices(office_code),
  workstation_id TEXT NOT NULL REFERENCES workstations(workstation_id),
  fingerprint TEXT NOT NULL,
  protocol_number TEXT NOT NULL UNIQUE,
  priority TEXT NOT NULL,
  submission TEXT NOT NULL,
  receipt TEXT NOT NULL,
  status TEXT NOT NULL,
  reasons TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases(case_id),
  office_code TEXT NOT NULL,
  status TEXT NOT NULL,
  reasons TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS case_events_by_office ON case_events (office_code, seq);
CREATE INDEX IF NOT EXISTS cases_by_office ON cases (office_code, received_order);
`;

/** Embedded default: one SQLite file, WAL with synchronous=FULL so a committed transaction survives a crash or power cut. */
export function openSqliteRepository(file: string): CentralRepository {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(schema);

  const caseColumns = `c.*`;
  const findCase = db.prepare(`SELECT ${caseColumns} FROM cases c WHERE c.case_id = ?`);

  const commitCase = db.transaction((newCase: NewCase, buildReceipt: (protocolNumber: string) => unknown): CommitOutcome => {
    const existing = findCase.get(newCase.caseId) as Row | undefined;
    if (existing) {
      const stored = toStoredCase(existing);
      return stored.fingerprint === newCase.fingerprint && stored.officeCode === newCase.officeCode
        ? { kind: 'identical', stored }
        : { kind: 'conflict' };
    }
    const counter = db
      .prepare(
        `INSERT INTO protocol_counters (office_code, year, last_number) VALUES (?, ?, 1)
         ON CONFLICT (office_code, year) DO UPDATE SET last_number = last_number + 1
         RETURNING last_number`,
      )
      .get(newCase.officeCode, newCase.protocolYear) as { last_number: number };
    const protocolNumber = formatProtocolNumber(newCase.officeCode, newCase.protocolYear, counter.last_number);
    db.prepare(
      `INSERT INTO cases (case_id, office_code, workstation_id, fingerprint, protocol_number, priority, submission, receipt, status, reasons, received_at, status_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', '[]', ?, ?)`,
    ).run(
      newCase.caseId,
      newCase.officeCode,
      newCase.workstationId,
      newCase.fingerprint,
      protocolNumber,
      newCase.priority,
      JSON.stringify(newCase.submission),
      JSON.stringify(buildReceipt(protocolNumber)),
      newCase.receivedAt,
      newCase.receivedAt,
    );
    db.prepare(`INSERT INTO case_events (case_id, office_code, status, reasons, changed_at) VALUES (?, ?, 'received', '[]', ?)`).run(
      newCase.caseId,
      newCase.officeCode,
      newCase.receivedAt,
    );
    return { kind: 'created', stored: toStoredCase(findCase.get(newCase.caseId) as Row) };
  });

  const setCaseStatus = db.transaction((caseId: string, status: StoredCase['status'], reasons: StoredCase['reasons'], now: string): StatusChangeOutcome => {
    const row = findCase.get(caseId) as Row | undefined;
    if (!row) return { kind: 'not-found' };
    const stored = toStoredCase(row);
    if (!canChangeStatus(stored.status, status)) return { kind: 'invalid-transition' };
    db.prepare(`UPDATE cases SET status = ?, reasons = ?, status_changed_at = ? WHERE case_id = ?`).run(status, JSON.stringify(reasons), now, caseId);
    db.prepare(`INSERT INTO case_events (case_id, office_code, status, reasons, changed_at) VALUES (?, ?, ?, ?, ?)`).run(
      caseId,
      stored.officeCode,
      status,
      JSON.stringify(reasons),
      now,
    );
    return { kind: 'changed', change: { caseId, protocolNumber: stored.protocolNumber, status, reasons, changedAt: isoTime(now) } };
  });

  const redeem = db.transaction(
    (input: Parameters<CentralRepository['redeemEnrollmentCode']>[0]) => {
      const burned = db
        .prepare(`UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND office_code = ? AND used_at IS NULL AND expires_at > ?`)
        .run(input.now, input.codeHash, input.officeCode, input.now);
      if (burned.changes !== 1) return null;
      db.prepare(`INSERT INTO workstations (workstation_id, office_code, name, token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?)`).run(
        input.workstationId,
        input.officeCode,
        input.workstationName,
        input.tokenHash,
        input.now,
      );
      return toWorkstation(db.prepare(`SELECT * FROM workstations WHERE workstation_id = ?`).get(input.workstationId) as Row);
    },
  );

  const putOffice = db.transaction((officeCode: string, name: string, now: string) => {
    const inserted = db.prepare(`INSERT INTO offices (office_code, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`).run(officeCode, name, now);
    const row = db.prepare(`SELECT * FROM offices WHERE office_code = ?`).get(officeCode) as Row;
    const office = { officeCode, name: String(row.name), createdAt: isoTime(row.created_at) };
    const kind = inserted.changes === 1 ? 'created' : office.name === name ? 'existing' : 'conflict';
    return { kind, office } as const;
  });

  return {
    async putOffice({ officeCode, name, now }) {
      return putOffice(officeCode, name, now);
    },
    async getOffice(officeCode) {
      const row = db.prepare(`SELECT * FROM offices WHERE office_code = ?`).get(officeCode) as Row | undefined;
      return row ? { officeCode, name: String(row.name), createdAt: isoTime(row.created_at) } : null;
    },
    async addEnrollmentCode({ codeHash, officeCode, expiresAt, now }) {
      db.prepare(`INSERT INTO enrollment_codes (code_hash, office_code, expires_at, created_at) VALUES (?, ?, ?, ?)`).run(codeHash, officeCode, expiresAt, now);
    },
    async redeemEnrollmentCode(input) {
      return redeem(input);
    },
    async findWorkstationByTokenHash(tokenHash) {
      const row = db
        .prepare(`SELECT w.*, o.name AS office_name FROM workstations w JOIN offices o USING (office_code) WHERE w.token_hash = ?`)
        .get(tokenHash) as Row | undefined;
      return row ? { ...toWorkstation(row), officeName: String(row.office_name) } : null;
    },
    async listWorkstations(officeCode) {
      const rows = officeCode
        ? db.prepare(`SELECT * FROM workstations WHERE office_code = ? ORDER BY enrolled_at`).all(officeCode)
        : db.prepare(`SELECT * FROM workstations ORDER BY enrolled_at`).all();
      return (rows as Row[]).map(toWorkstation);
    },
    async revokeWorkstation(workstationId, now) {
      db.prepare(`UPDATE workstations SET revoked_at = COALESCE(revoked_at, ?) WHERE workstation_id = ?`).run(now, workstationId);
      const row = db.prepare(`SELECT * FROM workstations WHERE workstation_id = ?`).get(workstationId) as Row | undefined;
      return row ? toWorkstation(row) : null;
    },
    async findCase(caseId) {
      const row = findCase.get(caseId) as Row | undefined;
      return row ? toStoredCase(row) : null;
    },
    async commitCase(newCase, buildReceipt) {
      return commitCase.immediate(newCase, buildReceipt);
    },
    async listChanges(officeCode, afterSeq, limit) {
      const rows = db
        .prepare(
          `SELECT e.seq, e.case_id, c.protocol_number, e.status, e.reasons, e.changed_at
           FROM case_events e JOIN cases c USING (case_id)
           WHERE e.office_code = ? AND e.seq > ? ORDER BY e.seq LIMIT ?`,
        )
        .all(officeCode, afterSeq, limit) as Row[];
      return rows.map(toChange);
    },
    async listCases({ officeCode, status, caseNumber, afterOrder, limit }) {
      const rows = db
        .prepare(
          `SELECT c.* FROM cases c
           WHERE (@officeCode IS NULL OR c.office_code = @officeCode) AND (@status IS NULL OR c.status = @status)
             AND (@caseNumber IS NULL OR json_extract(c.submission, '$.caseNumber') = @caseNumber) AND c.received_order > @afterOrder
           ORDER BY c.received_order LIMIT @limit`,
        )
        .all({ officeCode: officeCode ?? null, status: status ?? null, caseNumber: caseNumber ?? null, afterOrder: afterOrder ?? 0, limit }) as Row[];
      return rows.map(toStoredCase);
    },
    async caseHistory(caseId) {
      const rows = db.prepare(`SELECT * FROM case_events WHERE case_id = ? ORDER BY seq`).all(caseId) as Row[];
      return rows.map((row) => {
        const { change } = toChange({ ...row, protocol_number: '' });
        return { status: change.status, reasons: change.reasons, changedAt: change.changedAt };
      });
    },
    async setCaseStatus({ caseId, status, reasons, now }) {
      return setCaseStatus.immediate(caseId, status, reasons, now);
    },
    async close() {
      db.close();
    },
  };
}
