import type { UrlStorage } from 'tus-js-client';
import type { CaseDatabase } from '../store/database';
import { outboxTable } from './outbox-entry';

/**
 * tus-js-client's resume memory, kept in the case's outbox row in IndexedDB (keyed by the
 * attachment's SHA-256) instead of localStorage, which a crash or quota can lose (tus-js-client#730).
 * One instance serves one attachment, so the fingerprint only has to be stable, not global.
 */
export function outboxUrlStorage(db: CaseDatabase, caseId: string, sha256: string): UrlStorage {
  const table = outboxTable(db);
  const find = async () => {
    const url = (await table.get(caseId))?.uploadUrls[sha256];
    return url ? [{ size: null, metadata: {}, creationTime: '', urlStorageKey: sha256, uploadUrl: url, parallelUploadUrls: null }] : [];
  };
  const edit = (change: (urls: Record<string, string>) => void) =>
    table
      .where('caseId')
      .equals(caseId)
      .modify((row) => {
        const urls = { ...row.uploadUrls };
        change(urls);
        row.uploadUrls = urls;
      });
  return {
    findAllUploads: find,
    findUploadsByFingerprint: find,
    async removeUpload() {
      await edit((urls) => delete urls[sha256]);
    },
    async addUpload(_fingerprint, upload) {
      if (upload.uploadUrl) await edit((urls) => (urls[sha256] = upload.uploadUrl as string));
      return sha256;
    },
  };
}
