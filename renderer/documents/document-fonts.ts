import regularUrl from '../../resources/fonts/DejaVuSans.ttf?url';
import boldUrl from '../../resources/fonts/DejaVuSans-Bold.ttf?url';
import type { DocumentFonts } from './document-pdf';

let loading: Promise<DocumentFonts> | null = null;

/** The shipped DejaVu faces, fetched once from the app's own origin (CSP connect-src 'self'). */
export function loadDocumentFonts(): Promise<DocumentFonts> {
  loading ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  loading.catch(() => (loading = null));
  return loading;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font not available (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}
