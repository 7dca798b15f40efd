/**
 * Which halves of a case's reading a new set of scans needs. Reading keys list `role:sha256` per
 * scan (renderer/intake/case-reading.ts): a changed or edited ID scan is no reason to OCR the form
 * again, nor the other way round, and the clerk's corrections of the untouched half stay.
 */
export function partsToRead(previousKey: string | null, key: string): { document: boolean; form: boolean } {
  if (previousKey === null) return { document: true, form: true };
  const part = (k: string, prefix: string) => k.split('|').filter((entry) => entry.startsWith(prefix)).join('|');
  return {
    document: part(previousKey, 'documento-') !== part(key, 'documento-'),
    form: part(previousKey, 'modulo:') !== part(key, 'modulo:'),
  };
}
