import { describe, expect, it } from 'vitest';
import { isValidMailAddress } from '../../../shared/notices/mail-address';

describe('mail address syntax', () => {
  it.each([
    'mario.rossi@pec.omceoroma.it',
    'm.rossi@legalmail.it',
    'anna+inail@example.com',
    "o'brien@example.ie",
    'x@sub-domain.example.org',
  ])('accepts %s', (address) => expect(isValidMailAddress(address)).toBe(true));

  it.each([
    '',
    'mario.rossi',
    'mario.rossi@',
    '@pec.it',
    'mario rossi@pec.it',
    'mario..rossi@pec.it',
    '.mario@pec.it',
    'mario.@pec.it',
    'mario@pec',
    'mario@pec.i',
    'mario@-pec.it',
    'mario@pec..it',
    'mario@pec.it.',
    'mario@@pec.it',
    'màrio@pec.it',
    'mario@pec.it\r\nBcc: x@y.it',
    `${'a'.repeat(65)}@pec.it`,
    `a@${'b'.repeat(250)}.it`,
  ])('refuses %j', (address) => expect(isValidMailAddress(address)).toBe(false));
});
