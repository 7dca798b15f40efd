import type { SportelloApi } from '../../shared/ipc/contract';
import { base64 } from '../../shared/notices/eml';

export type Delivery = { kind: 'opened'; path: string } | { kind: 'saved'; path: string } | { kind: 'downloaded'; fileName: string };

/**
 * Hands a document to the program that prints or sends it. In Electron main writes it into its own
 * drafts folder and opens it with the default program (PDF viewer, mail client). In a browser (dev
 * web mode) there is no such program: PDFs are downloaded; an .eml is still written by the dev
 * server, whose path is shown, and downloaded too.
 */
export async function deliverDocument(
  api: Pick<SportelloApi, 'document:openDraft'>,
  runtime: 'electron' | 'web',
  document: { kind: 'pdf' | 'eml'; fileName: string; bytes: Uint8Array },
): Promise<Delivery> {
  if (runtime === 'web' && document.kind === 'pdf') return download(document);
  const result = await api['document:openDraft']({ kind: document.kind, fileName: document.fileName, dataBase64: base64(document.bytes) });
  if (result.opened) return { kind: 'opened', path: result.path };
  if (runtime === 'web') download(document);
  return { kind: 'saved', path: result.path };
}

function download(document: { kind: 'pdf' | 'eml'; fileName: string; bytes: Uint8Array }): Delivery {
  const type = document.kind === 'pdf' ? 'application/pdf' : 'message/rfc822';
  const url = URL.createObjectURL(new Blob([document.bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.fileName;
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download synchronously; the URL can go once the task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return { kind: 'downloaded', fileName: document.fileName };
}
