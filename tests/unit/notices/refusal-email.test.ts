import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { buildRefusalEmail } from '../../../shared/notices/refusal-email';
import { buildEml, encodeHeaderText } from '../../../shared/notices/eml';
import { templatesIt } from '../../../shared/notices/templates';
import { translate } from '../../../shared/i18n/translate';
import { NOW, refusedCase, sampleForm, sampleOffice, sampleReasons } from './sample-case';

const pdf = { fileName: 'avviso-rifiuto-RM01-20261123-0007.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, ...Array.from({ length: 3000 }, (_, i) => i % 256)]) };

describe('refusal e-mail draft (.eml)', () => {
  it('parses with a standard mail parser: UTF-8 subject and body, PEC recipient, the PDF attached, opened as a draft', async () => {
    const result = buildRefusalEmail({ record: refusedCase(), office: sampleOffice, reasons: sampleReasons, now: NOW, noticePdf: pdf });
    expect(result.recipient).toEqual({ address: 'niccolo.dagostino@pec.example.it', kind: 'pec' });
    expect(result.warnings).toEqual([]);
    const eml = result.eml!;
    expect(eml).not.toMatch(/\{\w+\}/);
    // RFC 5322: CRLF line ends, no line over 78 characters, headers 7-bit.
    expect(eml.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(eml.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n]*$/);
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe('INAIL – pratica RM01-20261123-0007: domanda di abilitazione non accolta');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([{ address: 'niccolo.dagostino@pec.example.it', name: "D'AGOSTINO Niccolò" }]);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.date?.toISOString()).toBe(NOW.toISOString());
    expect(mail.text).toContain('Gentile D\'AGOSTINO Niccolò');
    expect(mail.text).toContain(`1. ${templatesIt.reasons.sentences.SURNAME_MISMATCH}`);
    expect(mail.text).toContain('Nel modulo: «12/04/1985». Nel documento di identità: «04/12/1985».');
    expect(mail.text).toContain("Note dell'operatore: Il richiedente dichiara di aver invertito giorno e mese.");
    expect(mail.text).toMatch(/sede territoriale INAIL più vicina/);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe(pdf.fileName);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(new Uint8Array(mail.attachments[0].content)).toEqual(pdf.bytes);
    expect(result.fileName).toBe('avviso-rifiuto-RM01-20261123-0007.eml');
  });

  it('is deterministic for the same case and time', () => {
    const input = { record: refusedCase(), office: sampleOffice, reasons: sampleReasons, now: NOW, noticePdf: pdf };
    expect(buildRefusalEmail(input).eml).toBe(buildRefusalEmail(input).eml);
  });

  it('falls back to the e-mail when the PEC is malformed, and says so', async () => {
    const record = refusedCase({ form: sampleForm({ cognome: 'Rossi', nome: 'Anna', pec: 'anna.rossi@pec', email: 'anna@example.it' }) });
    const result = buildRefusalEmail({ record, office: sampleOffice, reasons: [], now: NOW, noticePdf: pdf });
    expect(result.recipient).toEqual({ address: 'anna@example.it', kind: 'email' });
    expect(result.warnings.map((w) => translate('it', w.messageKey, w.params))).toEqual(["L'indirizzo PEC indicato nel modulo («anna.rossi@pec») non è valido."]);
    const mail = await simpleParser(result.eml!);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe('anna@example.it');
  });

  it('gives no draft but a clear Italian message when there is neither e-mail nor PEC', () => {
    const record = refusedCase({ form: sampleForm({ cognome: 'Rossi', nome: 'Anna' }) });
    const result = buildRefusalEmail({ record, office: sampleOffice, reasons: [], now: NOW, noticePdf: pdf });
    expect(result.eml).toBeNull();
    expect(result.warnings.map((w) => translate('it', w.messageKey, w.params))).toEqual([
      "Il richiedente non ha indicato né un indirizzo e-mail né una PEC: l'e-mail non può essere preparata. Stampare l'avviso e consegnarlo a mano.",
    ]);
  });

  it('gives no draft when the only PEC is malformed, reporting both problems', () => {
    const record = refusedCase({ form: sampleForm({ cognome: 'Rossi', pec: 'rossi at pec.it' }) });
    const result = buildRefusalEmail({ record, office: sampleOffice, reasons: [], now: NOW, noticePdf: pdf });
    expect(result.eml).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(['pec-malformed', 'no-recipient']);
  });
});

describe('eml writer', () => {
  it('folds long non-ASCII headers into encoded-words of at most 75 characters without splitting a letter', async () => {
    const subject = 'Perché è così? '.repeat(12) + 'ŁÓDŹ – ğüş – 日本';
    const encoded = encodeHeaderText(subject);
    for (const word of encoded.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    const eml = buildEml({ to: { name: 'Zoë Ñúñez', address: 'z@example.it' }, from: { name: 'Sede di Forlì', address: 'forli@inail.example' }, subject, text: 'ok', attachments: [], date: NOW, boundarySeed: 'x' });
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.value).toEqual([{ address: 'forli@inail.example', name: 'Sede di Forlì' }]);
  });

  it('quotes an ASCII display name with specials so it cannot inject an address', async () => {
    const eml = buildEml({ to: { name: 'Evil, "x" <a@b.c>', address: 'real@example.it' }, from: null, subject: 's', text: 't', attachments: [], date: NOW, boundarySeed: 'x' });
    const mail = await simpleParser(eml);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : null).toEqual(['real@example.it']);
  });

  it('refuses non-ASCII attachment names and addresses rather than writing a broken message', () => {
    const base = { to: { name: '', address: 'a@example.it' }, from: null, subject: 's', text: 't', date: NOW, boundarySeed: 'x' };
    expect(() => buildEml({ ...base, attachments: [{ fileName: 'avviso è.pdf', contentType: 'application/pdf', data: new Uint8Array() }] })).toThrow();
    expect(() => buildEml({ ...base, to: { name: '', address: 'à@example.it' }, attachments: [] })).toThrow();
  });
});

describe('shipped templates', () => {
  it('every file in resources/templates is loaded and validated', () => {
    const files = fs.readdirSync(path.resolve('resources/templates')).filter((f) => f.endsWith('.json'));
    const ids = Object.values(templatesIt).map((t) => `${t.id}.${t.language}.json`);
    expect(files.sort()).toEqual(ids.sort());
  });
});
