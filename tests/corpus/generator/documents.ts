/** What the corpus records about each document (ground-truth.json), and the helpers that invent document data. */
import type { IdDocumentFields } from '../../../shared/identity/types';
import type { Rng } from './captures';

/** The ground truth holds exactly the fields a reading gives. */
export type Fields = IdDocumentFields;

export interface CorpusDocument {
  id: string;
  documentType: 'CIE' | 'PASSPORT' | 'DRIVING_LICENCE' | 'HEALTH_CARD' | 'PAPER_ID';
  capture: string;
  files: string[];
  /** Index into the committed PEOPLE (development images); the generated splits record the person itself. */
  person: number | null;
  fields: Fields;
  /** The validity expected on 2026-11-23. */
  validity: 'valid' | 'expired' | 'not-accepted';
  notes?: string;
}

/** The reference date of every split. */
export const CORPUS_TODAY = '2026-11-23';

const LETTERS = 'ABCDEFGHJKLMNPRSTUVZ';

export function letters(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => LETTERS[Math.floor(rng() * LETTERS.length)]).join('');
}
export function digits(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => String(Math.floor(rng() * 10))).join('');
}
export function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}
export function minusDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
