import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { LogFileSystem } from './logging/rotating-log';
import type { HotFolderFileSystem } from './hot-folder/hot-folder';
import type { DraftFileSystem } from './documents/draft-folder';
import type { DiagnosticsFolderDeps } from './diagnostics/diagnostics-folder';

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fsp.writeFile(temporary, data, { mode: 0o600 });
  await fsp.rename(temporary, file);
}

export function nodeLogFileSystem(): LogFileSystem {
  return {
    size: (file) => fs.statSync(file).size,
    append: (file, text) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, text, { mode: 0o600 });
    },
    rename: (from, to) => fs.renameSync(from, to),
    exists: (file) => fs.existsSync(file),
    remove: (file) => fs.rmSync(file, { force: true }),
  };
}

export function nodeHotFolderFileSystem(): HotFolderFileSystem {
  return {
    list: (folder) => fsp.readdir(folder),
    stat: async (file) => {
      const s = await fsp.stat(file);
      return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile() };
    },
    read: (file) => fsp.readFile(file),
    remove: (file) => fsp.rm(file, { force: true }),
    moveAside: async (file, targetFolder) => {
      await fsp.mkdir(targetFolder, { recursive: true });
      await fsp.rename(file, path.join(targetFolder, path.basename(file)));
    },
  };
}

export function nodeDraftFileSystem(): DraftFileSystem {
  return {
    mkdir: async (folder) => {
      await fsp.mkdir(folder, { recursive: true, mode: 0o700 });
    },
    write: (file, data) => fsp.writeFile(file, data, { mode: 0o600 }),
    list: (folder) => fsp.readdir(folder),
    modifiedMs: async (file) => (await fsp.stat(file)).mtimeMs,
    remove: (file) => fsp.rm(file, { force: true }),
  };
}

/** The draft file system plus reading a text file that may not exist yet (the log). */
export function nodeDiagnosticsFileSystem(): DiagnosticsFolderDeps['fs'] {
  return { ...nodeDraftFileSystem(), readText: (file) => fsp.readFile(file, 'utf8').catch(() => null) };
}
