import path from 'node:path';
import { BUNDLE_EXTENSION, BUNDLE_FILE_NAME, hasBundleMagic, MAX_BUNDLE_BYTES } from '../../../shared/case-bundle/envelope';
import { IpcHandlerError } from '../ipc/register-handlers';

/**
 * Saves a case bundle (already encrypted by the renderer) where the operator chooses: in Electron a
 * save dialog (a USB stick), in dev web mode a fixed folder. Main writes only bytes that start like a
 * bundle, under a name ending in `.sportello`; the renderer suggests a name but never a folder.
 */
export interface CaseBundleFileDeps {
  /** The target file for the suggested name, or null when the operator cancelled. */
  chooseTarget: (suggestedName: string) => Promise<string | null>;
  write: (file: string, data: Uint8Array) => Promise<void>;
}

export function createCaseBundleFile(deps: CaseBundleFileDeps) {
  return {
    async save(request: { fileName: string; data: Uint8Array }): Promise<{ saved: boolean; path: string | null }> {
      if (!BUNDLE_FILE_NAME.test(request.fileName) || request.data.length > MAX_BUNDLE_BYTES || !hasBundleMagic(request.data)) {
        throw new IpcHandlerError('bundle-invalid', 'bundle.error.invalidContent');
      }
      const chosen = await deps.chooseTarget(request.fileName);
      if (!chosen) return { saved: false, path: null };
      const target = path.extname(chosen).toLowerCase() === `.${BUNDLE_EXTENSION}` ? chosen : `${chosen}.${BUNDLE_EXTENSION}`;
      try {
        await deps.write(target, request.data);
      } catch {
        throw new IpcHandlerError('bundle-save-failed', 'bundle.error.saveFailed');
      }
      return { saved: true, path: target };
    },
  };
}

export type CaseBundleFile = ReturnType<typeof createCaseBundleFile>;
