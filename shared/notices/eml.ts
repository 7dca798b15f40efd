/**
 * A minimal RFC 5322 / MIME (RFC 2045–2047) message writer for drafts the office's mail client
 * opens: UTF-8 text, attachments in base64, non-ASCII headers as folded encoded-words, lines ≤ 78
 * characters, CRLF throughout. `X-Unsent: 1` makes Outlook (and clients that honour it) open the
 * file as a draft to review and send; the app itself never sends mail.
 */
export interface Mailbox {
  name: string;
  address: string;
}

export interface EmlAttachment {
  /** ASCII only (`[A-Za-z0-9._-]`), so no RFC 2231 parameter encoding is needed. */
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

export interface EmlDraft {
  to: Mailbox;
  /** Omitted in drafts: the mail client sends from the clerk's own office account. */
  from: Mailbox | null;
  subject: string;
  text: string;
  attachments: readonly EmlAttachment[];
  date: Date;
  /** Makes the MIME boundary deterministic (e.g. the case id) so the same draft gives the same bytes. */
  boundarySeed: string;
}

const CRLF = '\r\n';
const SAFE_FILE_NAME = /^[A-Za-z0-9._-]{1,100}$/;
// 39 bytes → 52 base64 characters → a 64-character encoded-word: "Subject: " plus one word stays ≤ 78.
const ENCODED_WORD_BYTES = 39;

export function buildEml(draft: EmlDraft): string {
  for (const attachment of draft.attachments) {
    if (!SAFE_FILE_NAME.test(attachment.fileName)) throw new Error('attachment file names must be plain ASCII');
  }
  const boundary = `=_sportello_${draft.boundarySeed.replace(/[^A-Za-z0-9]/g, '')}`;
  const headers = [
    `Date: ${rfc5322Date(draft.date)}`,
    ...(draft.from ? [`From: ${mailbox(draft.from)}`] : []),
    `To: ${mailbox(draft.to)}`,
    `Subject: ${encodeHeaderText(draft.subject)}`,
    'MIME-Version: 1.0',
    'X-Unsent: 1',
    `Content-Type: multipart/mixed;${CRLF} boundary="${boundary}"`,
  ];
  const textPart = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    wrapBase64(base64(utf8(draft.text.replace(/\r?\n/g, CRLF)))),
  ];
  const attachmentParts = draft.attachments.map((a) => [
    `Content-Type: ${a.contentType};${CRLF} name="${a.fileName}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment;${CRLF} filename="${a.fileName}"`,
    '',
    wrapBase64(base64(a.data)),
  ]);
  const parts = [textPart, ...attachmentParts].map((lines) => `--${boundary}${CRLF}${lines.join(CRLF)}`);
  return `${headers.join(CRLF)}${CRLF}${CRLF}${parts.join(CRLF)}${CRLF}--${boundary}--${CRLF}`;
}

function mailbox({ name, address }: Mailbox): string {
  if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(address)) throw new Error('mail address must be plain ASCII');
  const trimmed = name.trim();
  if (trimmed === '') return `<${address}>`;
  const display = /^[\x20-\x7e]*$/.test(trimmed) ? `"${trimmed.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(trimmed);
  return `${display}${CRLF} <${address}>`;
}

/** Plain ASCII text stays readable; anything else becomes RFC 2047 B encoded-words, one per folded line. */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && text.length <= 60) return text;
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of text) {
    const bytes = [...utf8(char)];
    if (chunk.length + bytes.length > ENCODED_WORD_BYTES) {
      words.push(encodedWord(chunk));
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(encodedWord(chunk));
  return words.join(`${CRLF} `);
}

function encodedWord(bytes: number[]): string {
  return `=?UTF-8?B?${base64(Uint8Array.from(bytes))}?=`;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

function wrapBase64(encoded: string): string {
  return encoded.match(/.{1,76}/g)?.join(CRLF) ?? '';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc5322Date(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
