import path from 'node:path';

export interface HotFolderFileSystem {
  list(folder: string): Promise<string[]>;
  stat(file: string): Promise<{ size: number; mtimeMs: number; isFile: boolean }>;
  /** Reads the whole file; rejects while the scanner still holds it open exclusively (EBUSY on Windows). */
  read(file: string): Promise<Uint8Array>;
  remove(file: string): Promise<void>;
  /** Moves a refused file aside (creating the target folder), so the clerk or IT can look at it. */
  moveAside(file: string, targetFolder: string): Promise<void>;
}

export interface HotFolderFile {
  id: string;
  name: string;
  sizeBytes: number;
  data: Uint8Array;
}

export interface HotFolderRefusal {
  id: string;
  name: string;
  reason: 'too-large' | 'unsupported' | 'empty';
}

export interface HotFolderOptions {
  fs: HotFolderFileSystem;
  folder: () => string;
  now?: () => number;
  /** A file is finished when its size and time have not changed for this long. */
  settleMs?: number;
  maxBytes?: number;
  /** At most this many files and bytes are read per scan; the rest wait for the next ones. */
  maxFilesPerScan?: number;
  maxBytesPerScan?: number;
  /** No new file is read while this many wait for the renderer to take them. */
  maxPendingFiles?: number;
}

const SUPPORTED = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.pdf']);
export const REFUSED_FOLDER = 'non-importati';
const IGNORED = /^(\.|~\$)|\.(tmp|part|crdownload)$/i;

/**
 * The scanner hot folder. Polled (fs.watch misses events on network shares): a file is taken only
 * once the scanner has finished writing it, and its original is removed only after the renderer has
 * stored it encrypted (`acknowledge`). A crash in between leaves the file in place, so it is offered
 * again at the next start and deduplicated by its hash; nothing is lost and no plaintext copy is made.
 */
export function createHotFolder(options: HotFolderOptions) {
  const now = options.now ?? Date.now;
  const settleMs = options.settleMs ?? 1500;
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  const maxFilesPerScan = options.maxFilesPerScan ?? 10;
  const maxBytesPerScan = options.maxBytesPerScan ?? 200 * 1024 * 1024;
  const maxPendingFiles = options.maxPendingFiles ?? 50;
  const seen = new Map<string, { size: number; mtimeMs: number; since: number }>();
  const ready = new Map<string, HotFolderFile>();
  const refused = new Map<string, HotFolderRefusal>();

  async function scan(): Promise<void> {
    const folder = options.folder();
    if (!folder) return;
    let names: string[];
    try {
      names = await options.fs.list(folder);
    } catch {
      return;
    }
    const present = new Set(names);
    for (const name of [...seen.keys()]) if (!present.has(name)) seen.delete(name);
    let filesRead = 0;
    let bytesRead = 0;
    for (const name of names) {
      if (filesRead >= maxFilesPerScan || ready.size >= maxPendingFiles || refused.size >= maxPendingFiles) break;
      if (IGNORED.test(name) || ready.has(name) || refused.has(name)) continue;
      const file = path.join(folder, name);
      let stat;
      try {
        stat = await options.fs.stat(file);
      } catch {
        continue;
      }
      if (!stat.isFile) continue;
      if (!SUPPORTED.has(path.extname(name).toLowerCase())) {
        refused.set(name, { id: name, name, reason: 'unsupported' });
        continue;
      }
      if (stat.size > maxBytes) {
        refused.set(name, { id: name, name, reason: 'too-large' });
        continue;
      }
      const previous = seen.get(name);
      if (!previous || previous.size !== stat.size || previous.mtimeMs !== stat.mtimeMs) {
        seen.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, since: now() });
        continue;
      }
      if (now() - previous.since < settleMs) continue;
      if (stat.size === 0) {
        refused.set(name, { id: name, name, reason: 'empty' });
        continue;
      }
      if (bytesRead + stat.size > maxBytesPerScan && filesRead > 0) break;
      filesRead += 1;
      bytesRead += stat.size;
      try {
        const data = await options.fs.read(file);
        if (data.byteLength !== stat.size) continue;
        ready.set(name, { id: name, name, sizeBytes: data.byteLength, data });
      } catch {
        // Still locked by the scanner: try again at the next scan.
      }
    }
  }

  return {
    scan,
    /** Files ready to import and files refused, until acknowledged. */
    pending(): { files: HotFolderFile[]; refused: HotFolderRefusal[] } {
      return { files: [...ready.values()], refused: [...refused.values()] };
    },
    /**
     * The renderer stored the file encrypted: remove the original. For a refused file the clerk has
     * read the message: move it to `non-importati/` rather than delete it.
     */
    async acknowledge(id: string): Promise<void> {
      const folder = options.folder();
      if (ready.delete(id)) await options.fs.remove(path.join(folder, id));
      else if (refused.delete(id)) await options.fs.moveAside(path.join(folder, id), path.join(folder, REFUSED_FOLDER));
      seen.delete(id);
    },
  };
}

export type HotFolder = ReturnType<typeof createHotFolder>;
