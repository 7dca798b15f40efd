import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiagnosticsFolder, DIAGNOSTICS_KEPT, DIAGNOSTICS_LOG_LINES, logTail } from '../../../electron/main/diagnostics/diagnostics-folder';
import { nodeDiagnosticsFileSystem } from '../../../electron/main/node-files';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { dispatch } from '../../../electron/main/ipc/register-handlers';
import { DiagnosticsReport } from '../../../shared/diagnostics/report';
import { defaultSettings } from '../../../shared/settings/settings';
import { testHandlerDeps } from './handler-deps';

const sampleReport: DiagnosticsReport = {
  format: 'sportello-diagnostica/1',
  generatedAt: '2026-11-27T10:00:00.000Z',
  app: { version: '0.1.0', runtime: 'electron', platform: 'win32', electronVersion: '45.4.1', chromeVersion: '140.0', userAgent: 'Mozilla/5.0' },
  storage: { persisted: true, usageBytes: 1000, quotaBytes: 10_000, low: false, cases: 3, casesByState: { queued: 2, acknowledged: 1 }, attachments: 9, attachmentsPurged: 0 },
  queue: { rollUp: 'warning', connection: 'offline', waiting: 2, urgentWaiting: 1, quarantined: 0, oldestWaitingSince: '2026-11-27T08:00:00.000Z', clockSkewMs: null, lastFailure: { messageKey: 'sync.error.unreachable', code: null, at: '2026-11-27T09:59:00.000Z' } },
  ocr: { language: 'ita', workers: 1, assets: [{ path: 'lang/ita.traineddata.gz', ok: true, bytes: 123 }] },
  settings: { ...defaultSettings, officeCode: 'RM01', officeName: 'Sede di Roma' },
};

function setup(now = () => new Date('2026-11-27T10:00:00Z')) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'diagnostics-'));
  const revealed: string[] = [];
  const folder = createDiagnosticsFolder({
    folder: path.join(root, 'diagnostica'),
    logFile: path.join(root, 'logs', 'sportello.log'),
    fs: nodeDiagnosticsFileSystem(),
    reveal: (file) => {
      revealed.push(file);
      return true;
    },
    now,
  });
  return { root, folder, revealed };
}

describe('diagnostics export (main side)', () => {
  it('writes the report and the log tail into its own folder and shows the file', async () => {
    const { root, folder, revealed } = setup();
    fs.mkdirSync(path.join(root, 'logs'));
    fs.writeFileSync(path.join(root, 'logs', 'sportello.log'), `${JSON.stringify({ time: '2026-11-27T09:00:00.000Z', level: 'warn', event: 'sync.failed', context: { status: 503 } })}\nnot json\n`);
    const saved = await folder.save(sampleReport);
    expect(path.dirname(saved.path)).toBe(path.join(root, 'diagnostica'));
    expect(path.basename(saved.path)).toBe('diagnostica-20261127-100000.json');
    expect(saved.revealed).toBe(true);
    expect(revealed).toEqual([saved.path]);
    const written = JSON.parse(fs.readFileSync(saved.path, 'utf8'));
    expect(written.queue).toEqual(sampleReport.queue);
    expect(written.log).toEqual([{ time: '2026-11-27T09:00:00.000Z', level: 'warn', event: 'sync.failed', context: { status: 503 } }]);
  });

  it('redacts log context again and keeps only the last lines', () => {
    const lines = Array.from({ length: DIAGNOSTICS_LOG_LINES + 20 }, (_, i) => JSON.stringify({ time: `t${i}`, level: 'info', event: 'case.saved', context: { surname: 'ROSSI', index: i } }));
    const tail = logTail(lines.join('\n') + '\n');
    expect(tail).toHaveLength(DIAGNOSTICS_LOG_LINES);
    expect(JSON.stringify(tail)).not.toContain('ROSSI');
    expect(tail.at(-1)).toMatchObject({ time: `t${DIAGNOSTICS_LOG_LINES + 19}` });
  });

  it('works without a log file and keeps only the newest exports', async () => {
    let second = 0;
    const { root, folder } = setup(() => new Date(Date.UTC(2026, 10, 27, 10, 0, second++)));
    for (let i = 0; i < DIAGNOSTICS_KEPT + 3; i++) await folder.save(sampleReport);
    const names = fs.readdirSync(path.join(root, 'diagnostica')).sort();
    expect(names).toHaveLength(DIAGNOSTICS_KEPT);
    expect(names.at(-1)).toBe(`diagnostica-20261127-1000${String(DIAGNOSTICS_KEPT + 2).padStart(2, '0')}.json`);
  });

  it('is reached through diagnostics:export, and the contract refuses a report carrying anything else', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'diagnostics-ipc-'));
    const handlers = createIpcHandlers(testHandlerDeps(root));
    const trusted = { senderFrame: { url: 'app://sportello/index.html', parent: null } } as never;
    const ok = await dispatch('diagnostics:export', handlers, trusted, sampleReport);
    expect(ok).toMatchObject({ ok: true, value: { revealed: false } });
    const withName = { ...sampleReport, queue: { ...sampleReport.queue, lastCase: 'ROSSI MARIO' } };
    expect(await dispatch('diagnostics:export', handlers, trusted, withName)).toMatchObject({ ok: false });
    const withServerText = { ...sampleReport, queue: { ...sampleReport.queue, lastFailure: { ...sampleReport.queue.lastFailure, message: 'Cognome ROSSI non corrisponde' } } };
    expect(await dispatch('diagnostics:export', handlers, trusted, withServerText)).toMatchObject({ ok: false });
    expect(DiagnosticsReport.safeParse({ ...sampleReport, cases: [{ surname: 'ROSSI' }] }).success).toBe(false);
    expect(fs.readdirSync(path.join(root, 'diagnostica'))).toHaveLength(1);
  });
});
