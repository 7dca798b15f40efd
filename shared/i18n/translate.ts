import type { Locale } from '../settings/settings';
import { messagesIt, type MessageKey } from './messages-it';
import { messagesEn } from './messages-en';

const catalogues = { it: messagesIt, en: messagesEn } as const;

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(messagesIt, value);
}

/** Looks a key up in the locale's catalogue and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Dates are always shown dd/mm/yyyy, whatever the locale. */
export function formatDate(date: Date): string {
  const dd = String(date.getDate()).padStart(2, '0');
  const mm = String(date.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getFullYear()}`;
}
