import pg from 'pg';
import type { CentralRepository, CommitOutcome, StatusChangeOutcome } from './repository';
import { canChangeStatus } from './status-transitions';
import { formatProtocolNumber, isoTime, toChange, toStoredCase, toWorkstation, type Row } from './rows';

const schema = `
CREATE TABLE IF NOT EXISTS offices (
  office_code text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS enrollment_codes (
  code_hash text PRIMARY KEY,
  office_code text NOT NULL REFERENCES offices(office_code),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS workstations (
  workstation_id uuid PRIMARY KEY,
  office_code text NOT NULL REFERENCES offices(office_code),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE TABLE IF NOT EXISTS protocol_counters (
  office_code text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (office_code, year)
);
CREATE TABLE IF NOT EXISTS cases (
  received_order bigserial PRIMARY KEY,
  case_id uuid NOT NULL UNIQUE,
  office_code text NOT NULL REFERENCES offices(office_code),
  workstation_id uuid NOT NULL REFERENCES workstations(workstation_id),
  fingerprint text NOT NULL,
  protocol_number text NOT NULL UNIQUE,
  priority text NOT NULL,
  submission jsonb NOT NULL,
  receipt jsonb NOT NULL,
  status text NOT NULL,
  reasons jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  status_changed_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS case_events (
  seq bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(case_id),
  office_code text NOT NULL,
  status text NOT NULL,
  reasons jsonb NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS case_events_by_office ON case_events (office_code, seq);
CREATE INDEX IF NOT EXISTS cases_by_office ON cases (office_code, received_order);
`;

/**
 * Writers of case_events take this transaction lock, so sequence numbers become visible in commit
 * order: a reader's cursor can never move past an event that commits later with a smaller seq.
 */
const EVENT_WRITER_LOCK = 'SELECT pg_advisory_xact_lock(724301)';

/** Production database: PostgreSQL through `pg`, same behaviour as the SQLite repository. */
export async function openPostgresRepository(connectionString: string): Promise<CentralRepository> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  await pool.query(schema);

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  const one = async (sql: string, values: unknown[]): Promise<Row | undefined> => (await pool.query(sql, values)).rows[0] as Row | undefined;

  return {
    async putOffice({ officeCode, name, now }) {
      const inserted = await pool.query(`INSERT INTO offices (office_code, name, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [officeCode, name, now]);
      const row = (await one(`SELECT * FROM offices WHERE office_code = $1`, [officeCode])) as Row;
      const office = { officeCode, name: String(row.name), createdAt: isoTime(row.created_at) };
      return { kind: inserted.rowCount === 1 ? 'created' : office.name === name ? 'existing' : 'conflict', office };
    },
    async getOffice(officeCode) {
      const row = await one(`SELECT * FROM offices WHERE office_code = $1`, [officeCode]);
      return row ? { officeCode, name: String(row.name), createdAt: isoTime(row.created_at) } : null;
    },
    async addEnrollmentCode({ codeHash, officeCode, expiresAt, now }) {
      await pool.query(`INSERT INTO enrollment_codes (code_hash, office_code, expires_at, created_at) VALUES ($1, $2, $3, $4)`, [codeHash, officeCode, expiresAt, now]);
    },
    async redeemEnrollmentCode(input) {
      return inTransaction(async (client) => {
        const burned = await client.query(
          `UPDATE enrollment_codes SET used_at = $1 WHERE code_hash = $2 AND office_code = $3 AND used_at IS NULL AND expires_at > $1`,
          [input.now, input.codeHash, input.officeCode],
        );
        if (burned.rowCount !== 1) return null;
        const inserted = await client.query(
          `INSERT INTO workstations (workstation_id, office_code, name, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [input.workstationId, input.officeCode, input.workstationName, input.tokenHash, input.now],
        );
        return toWorkstation(inserted.rows[0] as Row);
      });
    },
    async findWorkstationByTokenHash(tokenHash) {
      const row = await one(`SELECT w.*, o.name AS office_name FROM workstations w JOIN offices o USING (office_code) WHERE w.token_hash = $1`, [tokenHash]);
      return row ? { ...toWorkstation(row), officeName: String(row.office_name) } : null;
    },
    async listWorkstations(officeCode) {
      const { rows } = await pool.query(`SELECT * FROM workstations WHERE $1::text IS NULL OR office_code = $1 ORDER BY enrolled_at`, [officeCode ?? null]);
      return (rows as Row[]).map(toWorkstation);
    },
    async revokeWorkstation(workstationId, now) {
      const row = await one(`UPDATE workstations SET revoked_at = COALESCE(revoked_at, $1) WHERE workstation_id = $2 RETURNING *`, [now, workstationId]);
      return row ? toWorkstation(row) : null;
    },
    async findCase(caseId) {
      const row = await one(`SELECT * FROM cases WHERE case_id = $1`, [caseId]);
      return row ? toStoredCase(row) : null;
    },
    async commitCase(newCase, buildReceipt): Promise<CommitOutcome> {
      return inTransaction(async (client) => {
        await client.query(EVENT_WRITER_LOCK);
        const existing = (await client.query(`SELECT * FROM cases WHERE case_id = $1`, [newCase.caseId])).rows[0] as Row | undefined;
        if (existing) {
          const stored = toStoredCase(existing);
          return stored.fingerprint === newCase.fingerprint && stored.officeCode === newCase.officeCode ? { kind: 'identical', stored } : { kind: 'conflict' };
        }
        const counter = await client.query(
          `INSERT INTO protocol_counters (office_code, year, last_number) VALUES ($1, $2, 1)
           ON CONFLICT (office_code, year) DO UPDATE SET last_number = protocol_counters.last_number + 1 RETURNING last_number`,
          [newCase.officeCode, newCase.protocolYear],
        );
        const protocolNumber = formatProtocolNumber(newCase.officeCode, newCase.protocolYear, Number(counter.rows[0].last_number));
        const inserted = await client.query(
          `INSERT INTO cases (case_id, office_code, workstation_id, fingerprint, protocol_number, priority, submission, receipt, status, reasons, received_at, status_changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'received', '[]', $9, $9) RETURNING *`,
          [newCase.caseId, newCase.officeCode, newCase.workstationId, newCase.fingerprint, protocolNumber, newCase.priority, JSON.stringify(newCase.submission), JSON.stringify(buildReceipt(protocolNumber)), newCase.receivedAt],
        );
        await client.query(`INSERT INTO case_events (case_id, office_code, status, reasons, changed_at) VALUES ($1, $2, 'received', '[]', $3)`, [newCase.caseId, newCase.officeCode, newCase.receivedAt]);
        return { kind: 'created', stored: toStoredCase(inserted.rows[0] as Row) };
      });
    },
    async listChanges(officeCode, afterSeq, limit) {
      const { rows } = await pool.query(
        `SELECT e.seq, e.case_id, c.protocol_number, e.status, e.reasons, e.changed_at
         FROM case_events e JOIN cases c USING (case_id)
         WHERE e.office_code = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`,
        [officeCode, afterSeq, limit],
      );
      return (rows as Row[]).map(toChange);
    },
    async listCases({ officeCode, status, caseNumber, afterOrder, limit }) {
      const { rows } = await pool.query(
        `SELECT * FROM cases WHERE ($1::text IS NULL OR office_code = $1) AND ($2::text IS NULL OR status = $2)
           AND ($5::text IS NULL OR submission->>'caseNumber' = $5) AND received_order > $3
         ORDER BY received_order LIMIT $4`,
        [officeCode ?? null, status ?? null, afterOrder ?? 0, limit, caseNumber ?? null],
      );
      return (rows as Row[]).map(toStoredCase);
    },
    async caseHistory(caseId) {
      const { rows } = await pool.query(`SELECT * FROM case_events WHERE case_id = $1 ORDER BY seq`, [caseId]);
      return (rows as Row[]).map((row) => {
        const { change } = toChange({ ...row, protocol_number: '' });
        return { status: change.status, reasons: change.reasons, changedAt: change.changedAt };
      });
    },
    async setCaseStatus({ caseId, status, reasons, now }): Promise<StatusChangeOutcome> {
      return inTransaction(async (client) => {
        await client.query(EVENT_WRITER_LOCK);
        const row = (await client.query(`SELECT * FROM cases WHERE case_id = $1 FOR UPDATE`, [caseId])).rows[0] as Row | undefined;
        if (!row) return { kind: 'not-found' };
        const stored = toStoredCase(row);
        if (!canChangeStatus(stored.status, status)) return { kind: 'invalid-transition' };
        await client.query(`UPDATE cases SET status = $1, reasons = $2, status_changed_at = $3 WHERE case_id = $4`, [status, JSON.stringify(reasons), now, caseId]);
        await client.query(`INSERT INTO case_events (case_id, office_code, status, reasons, changed_at) VALUES ($1, $2, $3, $4, $5)`, [caseId, stored.officeCode, status, JSON.stringify(reasons), now]);
        return { kind: 'changed', change: { caseId, protocolNumber: stored.protocolNumber, status, reasons, changedAt: isoTime(now) } };
      });
    },
    async close() {
      await pool.end();
    },
  };
}
