import type { FormValues } from '../case/form-fields';
import type { NoticeWarning } from './warnings';

// The WHATWG "valid e-mail address" grammar (what browsers accept in <input type=email>), tightened
// to what a mail server delivers: a dot-separated local part and a domain with a letter TLD.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Syntax only: a PEC box is an ordinary address on a certified provider's domain. */
export function isValidMailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    /^[A-Za-z]{2,63}$/.test(labels[labels.length - 1])
  );
}

export interface MailRecipient {
  address: string;
  kind: 'pec' | 'email';
}

export interface RecipientChoice {
  recipient: MailRecipient | null;
  warnings: NoticeWarning[];
}

/**
 * Where the refusal goes: the applicant's PEC when valid (it has the legal value of a registered
 * letter), otherwise the e-mail. Every malformed address is reported, even when the other one is used.
 */
export function chooseRecipient(form: FormValues): RecipientChoice {
  const pec = form.pec?.value.trim() ?? '';
  const email = form.email?.value.trim() ?? '';
  const warnings: NoticeWarning[] = [];
  if (pec !== '' && !isValidMailAddress(pec)) warnings.push({ code: 'pec-malformed', messageKey: 'notices.warning.pecMalformed', params: { address: pec } });
  if (email !== '' && !isValidMailAddress(email)) warnings.push({ code: 'email-malformed', messageKey: 'notices.warning.emailMalformed', params: { address: email } });
  const recipient: MailRecipient | null =
    pec !== '' && isValidMailAddress(pec) ? { address: pec, kind: 'pec' } : email !== '' && isValidMailAddress(email) ? { address: email, kind: 'email' } : null;
  if (!recipient) warnings.push({ code: 'no-recipient', messageKey: 'notices.warning.noRecipient', params: {} });
  return { recipient, warnings };
}
