import path from 'node:path';
import type { DiagnosticsReport } from '../../../shared/diagnostics/report';
import { LogEntry } from '../../../shared/logging/log-entry';
import { redactLogEntry } from '../../../shared/logging/redaction';
import type { DraftFileSystem } from '../documents/draft-folder';

/**
 * The diagnostics file office IT asks a clerk for: the renderer's report (already free of personal
 * data by its schema) plus the tail of the application log (redacted when written, redacted again
 * here), written into its own folder under the user data and shown in the file manager. The
 * renderer never names a path; only the newest few exports are kept.
 */
export interface DiagnosticsFolderDeps {
  folder: string;
  logFile: string;
  fs: DraftFileSystem & { readText(file: string): Promise<string | null> };
  /** `shell.showItemInFolder`; false where there is no file manager to show it in (dev web mode). */
  reveal: (file: string) => boolean;
  now: () => Date;
}

export const DIAGNOSTICS_LOG_LINES = 200;
export const DIAGNOSTICS_KEPT = 10;
const EXPORT_NAME = /^diagnostica-\d{8}-\d{6}\.json$/;

export interface SavedDiagnostics {
  path: string;
  revealed: boolean;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** The last `DIAGNOSTICS_LOG_LINES` well-formed entries of the log, each redacted again. */
export function logTail(text: string | null): unknown[] {
  if (!text) return [];
  const entries: unknown[] = [];
  for (const line of text.split('\n').slice(-DIAGNOSTICS_LOG_LINES - 1)) {
    let parsed: { time?: unknown } & Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      continue;
    }
    const { time, ...rest } = parsed;
    const entry = LogEntry.safeParse(rest);
    if (entry.success && typeof time === 'string') entries.push({ time, ...redactLogEntry(entry.data) });
  }
  return entries.slice(-DIAGNOSTICS_LOG_LINES);
}

export function createDiagnosticsFolder(deps: DiagnosticsFolderDeps) {
  const folder = path.resolve(deps.folder);
  return {
    async save(report: DiagnosticsReport): Promise<SavedDiagnostics> {
      await deps.fs.mkdir(folder);
      const file = path.join(folder, `diagnostica-${stamp(deps.now())}.json`);
      const log = logTail(await deps.fs.readText(deps.logFile));
      await deps.fs.write(file, new TextEncoder().encode(JSON.stringify({ ...report, log }, null, 2)));
      const older = (await deps.fs.list(folder)).filter((name) => EXPORT_NAME.test(name)).sort().slice(0, -DIAGNOSTICS_KEPT);
      for (const name of older) await deps.fs.remove(path.join(folder, name));
      return { path: file, revealed: deps.reveal(file) };
    },
  };
}

export type DiagnosticsFolder = ReturnType<typeof createDiagnosticsFolder>;
