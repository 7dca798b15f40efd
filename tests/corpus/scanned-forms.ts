/** The scanned forms of the corpus (tests/corpus/forms/forms.json) with their ground truth. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FORMS_DIR = path.resolve('tests/corpus/forms');

export interface CorpusForm {
  id: string;
  files: string[];
  capture: 'acroform' | 'printed-scan' | 'handwritten-scan';
  values: Record<string, string>;
  profile: string | null;
  ticked?: string[];
}

/** Every corpus form that is a scan (printed or handwritten), not a digitally filled PDF. */
export function scannedCorpusForms(): CorpusForm[] {
  return (JSON.parse(readFileSync(path.join(FORMS_DIR, 'forms.json'), 'utf8')) as { forms: CorpusForm[] }).forms.filter((f) => f.capture !== 'acroform');
}
