import { describe, expect, it } from 'vitest';
import { messagesIt } from '../../../shared/i18n/messages-it';
import { messagesEn } from '../../../shared/i18n/messages-en';
import { formatDate, translate } from '../../../shared/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  it('English has exactly the Italian keys, with the same placeholders and no empty text', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesIt).sort());
    for (const [key, it] of Object.entries(messagesIt)) {
      const en = messagesEn[key as keyof typeof messagesEn];
      expect(it.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(it));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('it', 'settings.error.field', { field: 'Codice sede', message: 'X.' })).toBe(
      'Campo «Codice sede»: X. Le impostazioni precedenti restano in vigore.',
    );
    expect(translate('en', 'settings.error.field', { field: 'Office code' })).toContain('{message}');
  });

  it('formats dates as dd/mm/yyyy', () => {
    expect(formatDate(new Date(2026, 7, 3))).toBe('03/08/2026');
    expect(formatDate(new Date(1985, 11, 31))).toBe('31/12/1985');
  });
});
