/**
 * The open case's scans as decrypted once: the bytes just attached, or read from the store
 * (decrypted, SHA-256 checked) the first time a step needs them. The previews, the reading and the
 * page images all take them from here, so while a case is open no scan is decrypted and hashed
 * again on the page's thread. Forgotten when the case closes; an edited scan gets a new id.
 */
import { useSession } from '../store/session';

const scans = new Map<string, Promise<Blob>>();

/** The scan's bytes; a failed read is not kept, so a later call tries the store again. */
export function openCaseScan(attachmentId: string): Promise<Blob> {
  let found = scans.get(attachmentId);
  if (!found) {
    const store = useSession.getState().store;
    if (!store) return Promise.reject(new Error('The store is locked.'));
    found = store.cases.readAttachment(attachmentId);
    scans.set(attachmentId, found);
    found.catch(() => scans.delete(attachmentId));
  }
  return found;
}

/** The bytes the clerk just attached: the store holds exactly these (same SHA-256). */
export function keepOpenCaseScan(attachmentId: string, bytes: Blob): void {
  scans.set(attachmentId, Promise.resolve(bytes));
}

export function forgetOpenCaseScan(attachmentId: string): void {
  scans.delete(attachmentId);
}

export function forgetOpenCaseScans(): void {
  scans.clear();
}
