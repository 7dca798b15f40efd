import { describe, expect, it } from 'vitest';
import { redactLogEntry } from '../../../shared/logging/redaction';

const kept = (key: string, value: string | number | boolean | null) => redactLogEntry({ level: 'info', event: 'test.event', context: { [key]: value } }).context?.[key];

describe('log redaction', () => {
  it.each([
    ['caseId', '3f2b8c1e-7d4a-4f7e-9a51-2c0d6e8b9f10'],
    ['code', 'UPLOAD_NOT_FOUND'],
    ['reason', 'crashed'],
    ['reason', 'too-large'],
    ['status', 'reloaded'],
    ['channel', 'settings:update'],
    ['messageKey', 'settings.error.scannerHotFolder'],
    ['version', '0.1.0'],
    ['field', 'codice_fiscale'],
    ['count', 3],
    ['httpStatus', 429],
    ['state', null],
  ] as const)('keeps %s = %j', (key, value) => {
    expect(kept(key, value)).toBe(value);
  });

  it.each([
    // free text under allow-listed keys: the finding
    ['reason', 'il richiedente Mario Rossi non aveva il documento'],
    ['reason', 'mario.rossi@pec.it'],
    ['status', 'Rossi, Mario'],
    ['field', 'codice_fiscale RSSMRA85D12H501Z'],
    ['code', 'RSSMRA85D12H501Z'],
    ['code', 'CA12345AB'],
    ['state', 'nato il 12/04/1985'],
    ['messageKey', 'not a key'],
    ['version', 'v1 (Mario)'],
    ['channel', 'https://exfiltrate.example/?cf=RSSMRA85D12H501Z'],
    ['count', 'tre'],
    ['caseId', '../../etc/passwd'],
    // unlisted keys
    ['surname', 'ROSSI'],
    ['constructor', 'x'],
    ['__proto__', 'x'],
  ] as const)('masks %s = %j', (key, value) => {
    expect(kept(key, value)).toBe('[redatto]');
  });
});
