import type { noticesIt } from '../i18n/notices-it';

/** Something the clerk should know about a generated document; the document is still usable. */
export interface NoticeWarning {
  code: 'reason-without-template' | 'office-not-set' | 'no-recipient' | 'pec-malformed' | 'email-malformed';
  messageKey: keyof typeof noticesIt;
  params: Record<string, string>;
}
