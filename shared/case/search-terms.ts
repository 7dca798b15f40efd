import { CASE_NUMBER_PATTERN } from './case';
import type { FormValues } from './form-fields';

/**
 * The terms a case can be found by (name words, codice fiscale, case number), normalised so that
 * "Rossi", "ROSSI" and "rossì" meet. The store turns each term into a keyed blind-index token, so
 * no plaintext term is ever written to disk.
 */
const MIN_PREFIX = 3;

export function normaliseTerm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

function words(text: string): string[] {
  return normaliseTerm(text).split(' ').filter((w) => w !== '');
}

/** Every term stored for a case: each name word and its prefixes, the full codice fiscale, the case number. */
export function caseSearchTerms(caseNumber: string, form: FormValues): string[] {
  const terms = new Set<string>([`num:${normaliseTerm(caseNumber).replace(/ /g, '-')}`]);
  for (const field of ['cognome', 'nome'] as const) {
    for (const word of words(form[field]?.value ?? '')) {
      for (let end = Math.min(MIN_PREFIX, word.length); end <= word.length; end++) terms.add(`name:${word.slice(0, end)}`);
    }
  }
  const cf = normaliseTerm(form.codice_fiscale?.value ?? '').replace(/ /g, '');
  if (cf !== '') terms.add(`cf:${cf}`);
  return [...terms];
}

/**
 * The terms a query must match, all of them: a codice-fiscale- or case-number-shaped query is
 * looked up as such, anything else as name words (prefixes of at least three letters).
 */
export function queryTerms(query: string): string[] {
  const compact = normaliseTerm(query).replace(/ /g, '');
  if (/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(compact)) return [`cf:${compact}`];
  const asNumber = normaliseTerm(query).replace(/ /g, '-');
  if (CASE_NUMBER_PATTERN.test(asNumber)) return [`num:${asNumber}`];
  return words(query)
    .filter((w) => w.length >= MIN_PREFIX || /^\d+$/.test(w))
    .map((w) => `name:${w}`);
}
