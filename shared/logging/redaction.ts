import type { LogEntry } from './log-entry';

/** Context keys whose values are operational, never personal. Everything else is masked. */
const SAFE_CONTEXT_KEYS = new Set([
  'caseId', 'channel', 'code', 'count', 'durationMs', 'status', 'state', 'attempt', 'bytes', 'httpStatus',
  'reason', 'field', 'screen', 'version', 'workerCount', 'documentType', 'outcome', 'messageKey',
]);

const MASK = '[redatto]';

const PERSONAL_PATTERNS: RegExp[] = [
  // codice fiscale, incl. omocodia (digits replaced by letters)
  /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail / PEC
  /\b[A-Z]{2}\d{5}[A-Z]{2}\b/gi, // CIE number
  /\b[A-Z]{2}\d{7}\b/gi, // passport / paper ID number
  /\+?\d[\d\s]{7,}\d/g, // phone numbers
  /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g, // dates (birth dates)
];

export function maskPersonalPatterns(text: string): string {
  return PERSONAL_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, MASK), text);
}

/** Returns the entry as it may be written: unsafe keys masked, safe values pattern-scrubbed. */
export function redactLogEntry(entry: LogEntry): LogEntry {
  if (!entry.context) return entry;
  const context: NonNullable<LogEntry['context']> = {};
  for (const [key, value] of Object.entries(entry.context)) {
    if (!SAFE_CONTEXT_KEYS.has(key)) context[key] = MASK;
    else context[key] = typeof value === 'string' ? maskPersonalPatterns(value) : value;
  }
  return { ...entry, context };
}
