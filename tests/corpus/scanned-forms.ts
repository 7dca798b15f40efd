/** The scanned forms of the corpus (tests/corpus/forms/forms.json) with their ground truth. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CrookedForm, CrookedSplit } from './crooked-forms';

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

/** Forms printed and scanned crooked (tests/corpus/crooked-forms.ts), committed for the unit tests. */
export const CROOKED_DIR = path.join(FORMS_DIR, 'crooked');
/** Forms of each split committed (the bench generates and reads more). */
export const COMMITTED_CROOKED_FORMS = 2;

export function crookedCorpusForms(split: CrookedSplit): CrookedForm[] {
  return (JSON.parse(readFileSync(path.join(CROOKED_DIR, 'crooked.json'), 'utf8')) as { forms: CrookedForm[] }).forms.filter((f) => f.split === split);
}
