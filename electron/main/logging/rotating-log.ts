import type { LogEntry } from '../../../shared/logging/log-entry';
import { redactLogEntry } from '../../../shared/logging/redaction';

export interface LogFileSystem {
  size(file: string): number;
  append(file: string, text: string): void;
  rename(from: string, to: string): void;
  exists(file: string): boolean;
  remove(file: string): void;
}

export interface RotatingLogOptions {
  /** Base file, e.g. `<userData>/logs/sportello.log`; rotated files get `.1`, `.2`, ... */
  file: string;
  maxBytes: number;
  maxFiles: number;
  fs: LogFileSystem;
  now?: () => Date;
}

export interface AppLog {
  write(entry: LogEntry): void;
}

/** A JSON-lines log in the user-data folder, rotated by size, every entry redacted before it is written. */
export function createRotatingLog(options: RotatingLogOptions): AppLog {
  const { file, maxBytes, maxFiles, fs } = options;
  const now = options.now ?? (() => new Date());

  function rotate(): void {
    const oldest = `${file}.${maxFiles}`;
    if (fs.exists(oldest)) fs.remove(oldest);
    for (let i = maxFiles - 1; i >= 1; i--) {
      if (fs.exists(`${file}.${i}`)) fs.rename(`${file}.${i}`, `${file}.${i + 1}`);
    }
    fs.rename(file, `${file}.1`);
  }

  return {
    write(entry) {
      const line = JSON.stringify({ time: now().toISOString(), ...redactLogEntry(entry) }) + '\n';
      if (fs.exists(file) && fs.size(file) + line.length > maxBytes) rotate();
      fs.append(file, line);
    },
  };
}
