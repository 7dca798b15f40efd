import type { LogEntry } from './log-entry';

/** An enum-like value: a code, a state, a reason (`UPLOAD_NOT_FOUND`, `too-large`, `crashed`, `sync:retry`). */
const ENUM = /^[A-Za-z][A-Za-z0-9]*([_:-][A-Za-z0-9]+)*$/;
/** An identifier: a record id (UUID or short id), a form field or screen name. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * Context keys whose values are operational, never personal, and the only shape each may take.
 * Everything else is masked, and so is a value of the wrong shape under a listed key (free text,
 * a sentence, anything with spaces): the log keeps codes and counts, never prose.
 */
const CONTEXT_SHAPES: Record<string, RegExp | 'number'> = {
  caseId: IDENTIFIER,
  channel: /^[a-z][a-zA-Z]*:[a-zA-Z]+$/,
  code: ENUM,
  status: ENUM,
  state: ENUM,
  reason: ENUM,
  outcome: ENUM,
  documentType: ENUM,
  field: IDENTIFIER,
  screen: IDENTIFIER,
  messageKey: /^[a-z][a-zA-Z0-9]*(\.[A-Za-z0-9_-]+)+$/,
  version: /^\d+\.\d+\.\d+([-+][A-Za-z0-9.-]+)?$/,
  count: 'number',
  durationMs: 'number',
  attempt: 'number',
  bytes: 'number',
  httpStatus: 'number',
  workerCount: 'number',
};

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

type ContextValue = NonNullable<LogEntry['context']>[string];

/** The value as it may be written under `key`: kept only when the key is listed and the value has its shape. */
function redactValue(key: string, value: ContextValue): ContextValue {
  const shape = Object.hasOwn(CONTEXT_SHAPES, key) ? CONTEXT_SHAPES[key] : undefined;
  if (!shape || value === null || typeof value === 'boolean') return shape ? value : MASK;
  if (shape === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : MASK;
  if (typeof value === 'number') return value;
  // Shape first, then the personal patterns: a codice fiscale or a document number is enum-shaped too.
  return shape.test(value) && maskPersonalPatterns(value) === value ? value : MASK;
}

/** Returns the entry as it may be written: unlisted keys and wrongly shaped values masked. */
export function redactLogEntry(entry: LogEntry): LogEntry {
  if (!entry.context) return entry;
  // fromEntries defines own properties: a `__proto__` key stays a (masked) key, not a prototype.
  const context = Object.fromEntries(Object.entries(entry.context).map(([key, value]) => [key, redactValue(key, value)]));
  return { ...entry, context };
}
