/**
 * Turning OCR text into candidate values: character-class repair for fixed-format codes, name
 * clean-up, and telling printed labels from printed values.
 */

/** Letters OCR confuses with digits, both ways. */
const AS_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', B: '8', G: '6', T: '7', A: '4' };
const AS_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '8': 'B', '6': 'G', '7': 'T', '4': 'A' };

/**
 * Forces each character of `value` into its class (`L` letter, `D` digit, `*` either). Returns null
 * when a character cannot be placed: the value is then not this code.
 */
export function repairByClass(value: string, classes: string): string | null {
  if (value.length !== classes.length) return null;
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i];
    const cls = classes[i];
    if (cls === 'L') {
      const letter = /[A-Z]/.test(c) ? c : AS_LETTER[c];
      if (!letter) return null;
      out += letter;
    } else if (cls === 'D') {
      const digit = /\d/.test(c) ? c : AS_DIGIT[c];
      if (!digit) return null;
      out += digit;
    } else {
      if (!/[A-Z0-9]/.test(c)) return null;
      out += c;
    }
  }
  return out;
}

/**
 * Whether a token is printed as a code of these classes: it fits them, and most of its digit
 * positions hold digits (EMISSIONE fits LLDDDDDLL through look-alikes, but is a word).
 */
export function codeOfClass(token: string, classes: string): string | null {
  const repaired = repairByClass(token, classes);
  if (!repaired) return null;
  const digitPositions = [...classes].flatMap((c, i) => (c === 'D' ? [i] : []));
  const digits = digitPositions.filter((i) => /\d/.test(token[i])).length;
  return digits * 2 > digitPositions.length ? repaired : null;
}

/**
 * Finds the first token of `text` that is a code of `classes`, or two adjacent tokens when OCR put
 * a space inside the code. No sliding over longer runs: with letter/digit look-alikes almost any
 * long run would fit somewhere.
 */
export function findCode(text: string, classes: string): { value: string; raw: string } | null {
  const tokens = text.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const candidates = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i += 1) candidates.push(tokens[i] + tokens[i + 1]);
  for (const token of candidates) {
    const repaired = codeOfClass(token, classes);
    if (repaired) return { value: repaired, raw: token };
  }
  return null;
}

/** What a printed label announces. `parents`, `title`, `signature`… are labels whose text is never a field's value. */
export type LabelKey =
  | 'surname'
  | 'givenNames'
  | 'birthPlaceAndDate'
  | 'birthDate'
  | 'birthPlace'
  | 'sex'
  | 'height'
  | 'nationality'
  | 'issueDate'
  | 'expiryDate'
  | 'municipality'
  | 'documentNumber'
  | 'type'
  | 'countryCode'
  | 'authority'
  | 'province'
  | 'fiscalCode'
  | 'residence'
  | 'birthRecord'
  | 'parents'
  | 'signature'
  | 'title'
  | 'maritalStatus'
  | 'profession';

/**
 * Every label printed on the Italian documents read here, as whole labels: a `/` stands between
 * the Italian and the English half. A line is matched against the longest label first, so the CIE
 * back's "COGNOME E NOME DEL PADRE E DELLA MADRE…" is the parents' label, never the surname's.
 */
const LABELS: Record<LabelKey, string[]> = {
  surname: ['COGNOME / SURNAME', 'COGNOME', 'SURNAME'],
  givenNames: ['NOME / NAME', 'NOME / GIVEN NAMES', 'NOME / NAMES', 'NOME', 'GIVEN NAMES'],
  parents: [
    "COGNOME E NOME DEL PADRE E DELLA MADRE O DI CHI NE FA LE VECI / FATHER AND MOTHER'S-TUTOR'S NAME",
    'COGNOME E NOME DEL PADRE E DELLA MADRE O DI CHI NE FA LE VECI',
    "FATHER AND MOTHER'S-TUTOR'S NAME",
    'COGNOME E NOME DEL PADRE',
    'DEL PADRE E DELLA MADRE',
    'O DI CHI NE FA LE VECI',
  ],
  birthPlaceAndDate: ['LUOGO E DATA DI NASCITA / PLACE AND DATE OF BIRTH', 'LUOGO E DATA DI NASCITA', 'PLACE AND DATE OF BIRTH'],
  birthDate: ['DATA DI NASCITA / DATE OF BIRTH', 'DATA DI NASCITA', 'DATE OF BIRTH', 'NATO IL', 'NATA IL'],
  birthPlace: ['LUOGO DI NASCITA / PLACE OF BIRTH', 'LUOGO DI NASCITA', 'PLACE OF BIRTH'],
  sex: ['SESSO / SEX', 'SESSO', 'SEX'],
  height: ['STATURA / HEIGHT', 'STATURA', 'HEIGHT'],
  nationality: ['CITTADINANZA / NATIONALITY', 'CITTADINANZA', 'NATIONALITY'],
  issueDate: ['EMISSIONE / ISSUING', 'EMISSIONE / DATE OF ISSUE', 'EMISSIONE', 'DATA DI RILASCIO / DATE OF ISSUE', 'DATA DI RILASCIO', 'DATE OF ISSUE', 'RILASCIATA IL'],
  expiryDate: ['SCADENZA / EXPIRY', 'SCADENZA / DATE OF EXPIRY', 'DATA DI SCADENZA / DATE OF EXPIRY', 'DATA DI SCADENZA', 'DATE OF EXPIRY', 'SCADENZA', 'EXPIRY'],
  municipality: ['COMUNE DI / MUNICIPALITY', 'COMUNE DI', 'MUNICIPALITY'],
  documentNumber: ['PASSAPORTO N / PASSPORT NO', 'PASSAPORTO N', 'PASSPORT NO'],
  type: ['TIPO / TYPE'],
  countryCode: ['CODICE PAESE / COUNTRY CODE', 'CODICE PAESE / CODE OF ISSUING STATE', 'CODICE PAESE', 'COUNTRY CODE'],
  authority: ['AUTORITA / AUTHORITY', 'AUTORITA', 'AUTHORITY'],
  province: ['PROVINCIA'],
  fiscalCode: ['CODICE FISCALE / FISCAL CODE', 'CODICE FISCALE', 'FISCAL CODE'],
  residence: ['INDIRIZZO DI RESIDENZA / RESIDENCE', 'INDIRIZZO DI RESIDENZA', 'RESIDENZA', 'RESIDENCE'],
  birthRecord: ['ESTREMI ATTO DI NASCITA / BIRTH RECORD', 'ESTREMI ATTO DI NASCITA'],
  signature: ["FIRMA DEL TITOLARE / HOLDER'S SIGNATURE", 'FIRMA DEL TITOLARE', "HOLDER'S SIGNATURE"],
  title: [
    'CARTA DI IDENTITA / IDENTITY CARD',
    "CARTA D'IDENTITA / IDENTITY CARD",
    "CARTA D'IDENTITA",
    'CARTA DI IDENTITA',
    'IDENTITY CARD',
    'PASSAPORTO / PASSPORT',
    'REPUBBLICA ITALIANA',
    "MINISTERO DELL'INTERNO",
    'TESSERA SANITARIA',
    'PATENTE DI GUIDA',
    'NON VALIDA PER L\'ESPATRIO',
  ],
  maritalStatus: ['STATO CIVILE'],
  profession: ['PROFESSIONE'],
};

/** A label token: accents, apostrophes and punctuation dropped, so OCR's small slips do not matter. */
export function labelToken(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

interface LabelForm {
  key: LabelKey;
  /** Tokens; `/` marks where the bilingual slash stands. */
  tokens: string[];
  /** Word tokens only. */
  size: number;
}

const FORMS: LabelForm[] = (Object.entries(LABELS) as Array<[LabelKey, string[]]>)
  .flatMap(([key, forms]) =>
    forms.map((form) => {
      const tokens = form
        .split(/\s+/)
        .map((t) => (t === '/' ? '/' : labelToken(t)))
        .filter(Boolean);
      return { key, tokens, size: tokens.filter((t) => t !== '/').length };
    }),
  )
  .sort((a, b) => b.size - a.size);

/** Words that join label words: a label directly before or after one is part of a longer label. */
const CONNECTORS = new Set(['E', 'DI', 'DEL', 'DELLA', 'AND', 'OF', 'O']);

/** OCR's readings of the bilingual slash. */
const SLASH = /^[/|\\Il1]$/;

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    if (Math.min(...current) > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
}

/**
 * One OCR slip in a label word of five letters or more, two from nine; short words must be exact.
 * A label of one word is a value's look-alike (SESSO / SESTO): one slip only from eight letters.
 */
function tokenMatches(word: string, token: string, alone: boolean): boolean {
  if (word === token) return true;
  if (alone) return token.length >= 8 && editDistanceAtMost(word, token, 1);
  if (token.length < 5) return false;
  return editDistanceAtMost(word, token, token.length >= 9 ? 2 : 1);
}

export interface LabelMatch {
  key: LabelKey;
  /** Index of the first and one past the last word of the label in the words given. */
  start: number;
  end: number;
}

/**
 * Matches one form at `start`; returns the index after it, or -1. At least one word must be exact;
 * long labels may have one word misread altogether.
 */
function matchForm(words: string[], start: number, form: LabelForm): number {
  let i = start;
  let misses = 0;
  let exact = 0;
  for (let t = 0; t < form.tokens.length; t += 1) {
    const token = form.tokens[t];
    if (token === '/') {
      if (i < words.length && (words[i] === '' || SLASH.test(words[i]))) i += 1;
      continue;
    }
    while (i < words.length && words[i] === '') i += 1;
    if (i >= words.length) return -1;
    const word = labelToken(words[i]);
    const next = form.tokens[t + 1];
    if (word === token) exact += 1;
    else if (next && next !== '/' && word === token + next) {
      // Two label words OCR read as one ("LUOGO'E").
      exact += 1;
      t += 1;
    } else if (!tokenMatches(word, token, form.size === 1)) {
      misses += 1;
      if (form.size < 6 || misses > 1) return -1;
    }
    i += 1;
  }
  return exact > 0 || form.size === 1 ? i : -1;
}

/**
 * The labels among a line's words (raw OCR word texts, in reading order), longest label first at
 * each position. A short label touching a connector word ("COGNOME E NOME…", "…E NOME") is part of
 * a longer label that OCR garbled, and is not taken.
 */
export function findLabels(wordTexts: string[]): LabelMatch[] {
  const words = wordTexts.map((w) => (SLASH.test(w.trim()) ? w.trim() : labelToken(w) === '' ? '' : w));
  const tokens = words.map(labelToken);
  const found: LabelMatch[] = [];
  let i = 0;
  while (i < words.length) {
    let matched: LabelMatch | null = null;
    if (tokens[i] !== '') {
      for (const form of FORMS) {
        const end = matchForm(words, i, form);
        if (end < 0) continue;
        const before = found.at(-1)?.end === i ? '' : tokens[i - 1];
        // A connector that ends the line is more likely a misread small word than a longer label.
        const after = tokens[end + 1] === undefined ? '' : tokens[end];
        if (form.size < 6 && ((before !== undefined && CONNECTORS.has(before)) || (after !== undefined && CONNECTORS.has(after)))) continue;
        matched = { key: form.key, start: i, end };
        break;
      }
    }
    if (matched) {
      found.push(matched);
      i = matched.end;
    } else i += 1;
  }
  return found;
}

/** Whether a line's text is made of labels only (no value on it). */
export function isLabelLine(text: string): boolean {
  const words = text.split(/\s+|(?<=\/)|(?=\/)/).filter(Boolean);
  const meaningful = words.filter((w) => labelToken(w) !== '');
  if (meaningful.length === 0) return true;
  const covered = findLabels(words).reduce((n, m) => n + words.slice(m.start, m.end).filter((w) => labelToken(w) !== '').length, 0);
  return covered === meaningful.length;
}

/** A printed name as the document shows it: capitals, accents and apostrophes kept, OCR debris dropped. */
export function cleanName(text: string): string | null {
  const value = text
    .toUpperCase()
    .replace(/[’`´]/g, "'")
    .replace(/[^A-ZÀ-ÖØ-Ý' ]/g, ' ')
    .replace(/\s*'\s*/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return /^[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý' ]*[A-ZÀ-ÖØ-Ý]$/.test(value) ? value : null;
}

/** Strict form of a name line: the OCR line must hold nothing but the name. */
export function nameLine(text: string): string | null {
  if (/[0-9<>|{}[\]=_]/.test(text)) return null;
  return cleanName(text);
}

/** `ROMA (RM)`, `L'AQUILA (AQ)`, `GERMANIA (EE)`: place and province, possibly followed by more text. */
export const PLACE_WITH_PROVINCE = /([A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý' ]*?)\s*[([{]\s*([A-Z]{2})\s*[)\]}]/;

/** dd.mm.yyyy / dd/mm/yyyy as printed, tolerating OCR spaces around the separators. */
export const NUMERIC_DATE = /(\d{2})\s*[./-]\s*(\d{2})\s*[./-]\s*(\d{4})/g;

/** `01 NOV/NOV 1990` passport dates. */
export const BILINGUAL_DATE = /(\d{2})\s+([A-Z]{3})\s*\/\s*([A-Z]{3})\s+(\d{4})/g;
