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
 * Finds the first token of `text` that fits `classes`, or two adjacent tokens when OCR put a space
 * inside the code. No sliding over longer runs: with letter/digit look-alikes almost any long run
 * would fit somewhere.
 */
export function findCode(text: string, classes: string): { value: string; raw: string } | null {
  const tokens = text.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const candidates = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i += 1) candidates.push(tokens[i] + tokens[i + 1]);
  for (const token of candidates) {
    const repaired = repairByClass(token, classes);
    if (repaired) return { value: repaired, raw: token };
  }
  return null;
}

/** Words of the bilingual labels printed on Italian documents (never a value on their own). */
const LABEL_WORDS = new Set(
  [
    'COMUNE', 'DI', 'MUNICIPALITY', 'COGNOME', 'SURNAME', 'NOME', 'NAME', 'NAMES', 'GIVEN', 'LUOGO', 'E', 'DATA', 'NASCITA', 'PLACE', 'AND', 'DATE', 'OF',
    'BIRTH', 'SESSO', 'SEX', 'STATURA', 'HEIGHT', 'CITTADINANZA', 'NATIONALITY', 'EMISSIONE', 'ISSUE', 'SCADENZA', 'EXPIRY', 'FIRMA', 'DEL',
    'TITOLARE', 'CODICE', 'FISCALE', 'FISCAL', 'CODE', 'INDIRIZZO', 'RESIDENZA', 'RESIDENCE', 'ESTREMI', 'ATTO', 'TIPO', 'TYPE', 'PAESE',
    'COUNTRY', 'PASSAPORTO', 'PASSPORT', 'N', 'NO', 'RILASCIO', 'AUTORITÀ', 'AUTORITA', 'AUTHORITY', 'PROVINCIA', 'CARTA', "D'IDENTITÀ", 'IDENTITY', 'CARD',
  ].map((w) => w.toUpperCase()),
);

export function isLabelLine(text: string): boolean {
  const words = text.toUpperCase().split(/[\s/.,:]+/).filter(Boolean);
  if (words.length === 0) return true;
  const labelWords = words.filter((w) => LABEL_WORDS.has(w)).length;
  return labelWords / words.length >= 0.5 || (text.includes('/') && labelWords >= 2);
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
