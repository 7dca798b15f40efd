import path from 'node:path';
import { IpcHandlerError } from '../ipc/register-handlers';

/**
 * Where the applicant documents handed to other programs go: the `.eml` draft for the mail client
 * and the PDF for the system viewer to print. Main writes them into its own folder under the user
 * data and opens only files it wrote there itself, with the extension it expects; the renderer never
 * names a path. They hold personal data, so each write first removes drafts older than `maxAgeMs`.
 */
export type DraftKind = 'eml' | 'pdf';

export interface DraftFileSystem {
  mkdir(folder: string): Promise<void>;
  write(file: string, data: Uint8Array): Promise<void>;
  list(folder: string): Promise<string[]>;
  modifiedMs(file: string): Promise<number>;
  remove(file: string): Promise<void>;
}

export interface DraftFolderDeps {
  folder: string;
  fs: DraftFileSystem;
  /** `shell.openPath`: resolves to '' on success, to an error message otherwise. */
  openPath: (file: string) => Promise<string>;
  /** 8 lowercase hex characters. */
  randomId: () => string;
  now: () => number;
  maxAgeMs: number;
}

export interface OpenedDraft {
  path: string;
  opened: boolean;
}

export const DRAFT_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.(eml|pdf)$/;
const DRAFT_ON_DISK = /^[0-9a-f]{8}-[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.(eml|pdf)$/;
export const MAX_DRAFT_BYTES = 25 * 1024 * 1024;
/** A draft is for the few minutes the clerk needs to send or print it; a day covers a lunch break. */
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** True only for what this document kind may contain: a PDF, or a 7-bit MIME message with headers. */
export function isDraftContent(kind: DraftKind, data: Uint8Array): boolean {
  if (data.length === 0 || data.length > MAX_DRAFT_BYTES) return false;
  if (kind === 'pdf') return String.fromCharCode(...data.subarray(0, 5)) === '%PDF-';
  if (data.some((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x0d && byte !== 0x0a && byte !== 0x09))) return false;
  const text = new TextDecoder().decode(data.subarray(0, 4096));
  return /^[A-Za-z-]+: /.test(text) && /\r\nMIME-Version: 1\.0\r\n/.test(`\r\n${text}`);
}

export function createDraftFolder(deps: DraftFolderDeps) {
  const folder = path.resolve(deps.folder);
  const written = new Set<string>();

  /** Only a file this instance wrote, directly in its folder, with a draft extension. */
  function isOwnDraft(file: string): boolean {
    const resolved = path.resolve(file);
    return path.dirname(resolved) === folder && DRAFT_ON_DISK.test(path.basename(resolved)) && written.has(resolved);
  }

  async function purgeOld(): Promise<void> {
    const names = await deps.fs.list(folder).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(folder, name);
      const modified = await deps.fs.modifiedMs(file).catch(() => null);
      if (modified !== null && deps.now() - modified > deps.maxAgeMs) {
        await deps.fs.remove(file);
        written.delete(file);
      }
    }
  }

  return {
    isOwnDraft,
    async writeAndOpen(request: { kind: DraftKind; fileName: string; data: Uint8Array }): Promise<OpenedDraft> {
      if (!DRAFT_FILE_NAME.test(request.fileName) || !request.fileName.endsWith(`.${request.kind}`) || !isDraftContent(request.kind, request.data)) {
        throw new IpcHandlerError('draft-invalid', 'notices.error.draftInvalid');
      }
      await deps.fs.mkdir(folder);
      await purgeOld();
      // A random prefix: two drafts of the same case never overwrite each other, nor a file another program holds open.
      const file = path.join(folder, `${deps.randomId()}-${request.fileName}`);
      await deps.fs.write(file, request.data);
      written.add(file);
      if (!isOwnDraft(file)) return { path: file, opened: false };
      const failure = await deps.openPath(file);
      return { path: file, opened: failure === '' };
    },
  };
}

export type DraftFolder = ReturnType<typeof createDraftFolder>;
