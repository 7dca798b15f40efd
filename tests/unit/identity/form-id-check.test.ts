import { describe, expect, it } from 'vitest';
import { assessDocumentValidity } from '../../../shared/identity/document-validity';
import { resolveBirthPlaces } from '../../../shared/identity/fiscal-code';
import { checkFormAgainstDocument, verifyIdentity } from '../../../shared/identity/form-id-check';
import { formIdentityFromAcroForm } from '../../../shared/identity/form-identity';
import { outcomeOf, REASON_CODES } from '../../../shared/identity/reasons';
import type { FormIdentity, IdDocumentReading } from '../../../shared/identity/types';
import { messagesEn } from '../../../shared/i18n/messages-en';
import { messagesIt } from '../../../shared/i18n/messages-it';

const TODAY = '2026-11-23';

// Check letters verified independently by the helper in fiscal-code.test.ts.
const MARIO_CF = 'RSSMRA85D12H501L';
const MARIA_CF = 'DNCMNN85D52H501B';

function cie(overrides: Partial<IdDocumentReading['fields']> = {}, rest: Partial<IdDocumentReading> = {}): IdDocumentReading {
  return {
    documentType: 'CIE',
    fields: {
      surname: 'ROSSI',
      givenNames: 'MARIO',
      sex: 'M',
      birthDate: '1985-04-12',
      birthPlace: 'ROMA',
      fiscalCode: MARIO_CF,
      documentNumber: 'CA12345AB',
      issueDate: '2023-04-12',
      expiryDate: '2033-04-11',
      nationality: 'ITA',
      ...overrides,
    },
    fieldSources: { surname: 'viz', givenNames: 'viz', sex: 'mrz', birthDate: 'mrz', birthPlace: 'viz', fiscalCode: 'barcode', documentNumber: 'mrz', expiryDate: 'mrz' },
    confidence: {},
    // As the reader confirms a clean CIE: check digits, the codice fiscale, printed and MRZ names agreeing.
    confirmedBy: { surname: 'two-sources', givenNames: 'two-sources', sex: 'fiscal-code', birthDate: 'check-digits', birthPlace: 'fiscal-code', fiscalCode: 'check-digits', documentNumber: 'check-digits', issueDate: 'two-sources', expiryDate: 'check-digits', nationality: 'two-sources' },
    sidesSeen: ['front', 'back'],
    warnings: [],
    ...rest,
  };
}

const FORM: FormIdentity = {
  surname: 'Rossi',
  givenNames: 'Mario',
  birthDate: '1985-04-12',
  sex: 'M',
  birthPlace: 'Roma',
  birthProvince: 'RM',
  fiscalCode: MARIO_CF,
};

describe('the test fixtures', () => {
  it('use valid codici fiscali', async () => {
    const check = await verifyIdentity(FORM, cie(), TODAY);
    expect(check).toEqual({ outcome: 'match', reasons: [] });
  });
});

describe('checkFormAgainstDocument: matches despite spelling variants', () => {
  it.each<[string, Partial<FormIdentity>, Partial<IdDocumentReading['fields']>]>([
    ['case and spaces', { surname: '  rossi ', givenNames: 'mario' }, {}],
    ['form date dd/mm/yyyy', { birthDate: '12/04/1985' }, {}],
    ['document date still as printed', {}, { birthDate: '12.04.1985' }],
    ['CF lowercase with spaces', { fiscalCode: 'rssmra 85d12 h501l' }, {}],
    ['accent as apostrophe', { surname: "DE NICOLO'", givenNames: 'MARIA ANNA', sex: 'F', fiscalCode: MARIA_CF }, { surname: 'DE NICOLÒ', givenNames: 'MARIA ANNA', sex: 'F', fiscalCode: MARIA_CF }],
    ['given names in another order', { surname: 'DE NICOLÒ', givenNames: 'ANNA MARIA', sex: 'F', fiscalCode: MARIA_CF }, { surname: 'DE NICOLO', givenNames: 'MARIA ANNA', sex: 'F', fiscalCode: MARIA_CF }],
  ])('%s', async (_label, formChanges, documentChanges) => {
    const check = await verifyIdentity({ ...FORM, ...formChanges }, cie(documentChanges), TODAY);
    expect(check.reasons).toEqual([]);
    expect(check.outcome).toBe('match');
  });

  it('accepts apostrophe variants of a surname', async () => {
    const cf = 'DNGLCU90A01F205M';
    const form: FormIdentity = { surname: "D'ANGELO", givenNames: 'LUCA', birthDate: '1990-01-01', sex: 'M', birthPlace: 'MILANO', birthProvince: 'MI', fiscalCode: cf };
    for (const surname of ['DANGELO', 'D ANGELO', 'D’ANGELO']) {
      const check = await verifyIdentity(form, cie({ surname, givenNames: 'LUCA', birthDate: '1990-01-01', birthPlace: 'MILANO', fiscalCode: cf }), TODAY);
      expect(check.outcome, surname).toBe('match');
    }
  });

  it('accepts a name cut short by a full MRZ name field', async () => {
    const surname = 'BONAVENTURA DI SAN GIORGIO';
    const cf = 'BNVMNT85D52H501F';
    const form: FormIdentity = { ...FORM, surname, givenNames: 'MARIA ANTONIETTA', sex: 'F', fiscalCode: cf };
    const doc = cie({ surname, givenNames: 'MA', sex: 'F', fiscalCode: cf }, { fieldSources: { surname: 'mrz', givenNames: 'mrz' } });
    const check = await verifyIdentity(form, doc, TODAY);
    expect(check.reasons.filter((r) => r.code === 'GIVEN_NAMES_MISMATCH')).toEqual([]);
    // A short printed name is not a truncation.
    const printed = cie({ surname, givenNames: 'MA', sex: 'F', fiscalCode: cf }, { fieldSources: { surname: 'viz', givenNames: 'viz' } });
    expect((await verifyIdentity(form, printed, TODAY)).reasons.map((r) => r.code)).toContain('GIVEN_NAMES_MISMATCH');
  });
});

describe('checkFormAgainstDocument: people born abroad', () => {
  const cf = 'MLLHNS70A01Z112X'; // Hans Müller, 01/01/1970, Germania (Z112)
  const form = formIdentityFromAcroForm({ cognome: 'Müller', nome: 'Hans', sesso: 'M', data_nascita: '01/01/1970', provincia_nascita: 'EE', comune_nascita: 'Monaco di Baviera', stato_estero_nascita: 'Germania', codice_fiscale: cf });
  const doc = (birthPlace: string) => cie({ surname: 'MUELLER', givenNames: 'HANS', birthDate: '1970-01-01', birthPlace, fiscalCode: cf });

  it.each(['GERMANIA', 'MONACO DI BAVIERA (GERMANIA)'])('match when the ID prints %s', async (birthPlace) => {
    expect(await verifyIdentity(form, doc(birthPlace), TODAY)).toEqual({ outcome: 'match', reasons: [] });
  });

  it('a city without the state cannot be confirmed: one birth place mismatch, no codice fiscale complaint', async () => {
    const check = await verifyIdentity(form, doc('MONACO DI BAVIERA'), TODAY);
    expect(check.reasons.map((r) => r.code)).toEqual(['BIRTH_PLACE_MISMATCH']);
  });
});

describe('checkFormAgainstDocument: each mismatch is reported with both values and a sentence', () => {
  it.each<[string, Partial<FormIdentity>, string, string | null, string | null, RegExp]>([
    ['surname', { surname: 'ROSSO' }, 'SURNAME_MISMATCH', 'ROSSO', 'ROSSI', /Il cognome indicato nel modulo \(ROSSO\) non corrisponde a quello del documento di identità \(ROSSI\)\./],
    ['given names', { givenNames: 'MARIA' }, 'GIVEN_NAMES_MISMATCH', 'MARIA', 'MARIO', /nome indicato nel modulo \(MARIA\)/],
    ['birth date', { birthDate: '1985-04-13' }, 'BIRTH_DATE_MISMATCH', '1985-04-13', '1985-04-12', /\(13\/04\/1985\) non corrisponde a quella del documento di identità \(12\/04\/1985\)/],
    ['impossible form date', { birthDate: '31/02/1985' }, 'BIRTH_DATE_MISMATCH', '31/02/1985', '1985-04-12', /\(31\/02\/1985\)/],
    ['sex', { sex: 'F' }, 'SEX_MISMATCH', 'F', 'M', /sesso/],
    ['birth place', { birthPlace: 'MILANO' }, 'BIRTH_PLACE_MISMATCH', 'MILANO', 'ROMA', /luogo di nascita indicato nel modulo \(MILANO\)/],
  ])('%s', async (_label, formChanges, code, formValue, documentValue, message) => {
    const check = await verifyIdentity({ ...FORM, ...formChanges }, cie(), TODAY);
    expect(check.outcome).toBe('mismatch');
    const reason = check.reasons.find((r) => r.code === code);
    expect(reason).toMatchObject({ formValue, documentValue });
    expect(reason!.message).toMatch(message);
  });

  it('reports a codice fiscale different from the one on the document', async () => {
    const other = 'RSSMRA85D12F205O';
    const check = await verifyIdentity({ ...FORM, fiscalCode: other }, cie(), TODAY);
    expect(check.outcome).toBe('mismatch');
    expect(check.reasons.map((r) => r.code)).toContain('FISCAL_CODE_MISMATCH');
  });

  it('reports a wrong check letter and the letter expected', async () => {
    const check = await verifyIdentity({ ...FORM, fiscalCode: 'RSSMRA85D12H501A' }, cie({ fiscalCode: null }, { documentType: 'PASSPORT', sidesSeen: ['front'] }), TODAY);
    const reason = check.reasons.find((r) => r.code === 'FISCAL_CODE_CHECK_LETTER');
    expect(reason?.message).toMatch(/dovrebbe essere L\./);
    expect(check.outcome).toBe('mismatch');
  });

  it('reports a malformed codice fiscale', async () => {
    const check = await verifyIdentity({ ...FORM, fiscalCode: 'RSSMRA85' }, cie(), TODAY);
    expect(check.reasons.map((r) => r.code)).toContain('FISCAL_CODE_INVALID');
  });

  it('reports a valid codice fiscale that belongs to someone else (passport: no CF on the document)', async () => {
    // The CF of a woman born in Milan in 1990, on a form whose other data are Mario Rossi's.
    const passport = cie({ fiscalCode: null }, { documentType: 'PASSPORT', sidesSeen: ['front'] });
    const check = await verifyIdentity({ ...FORM, fiscalCode: 'BNCLCU90A41F205Z' }, passport, TODAY);
    const parts = check.reasons.filter((r) => r.code === 'FISCAL_CODE_INCONSISTENT_WITH_PERSON').map((r) => r.message);
    expect(parts).toHaveLength(5);
    expect(parts.join(' ')).toMatch(/con il cognome del richiedente \(ROSSI\)/);
    expect(parts.join(' ')).toMatch(/con la data di nascita del richiedente \(12\/04\/1985\)/);
    expect(parts.join(' ')).toMatch(/con il luogo di nascita del richiedente \(ROMA\)/);
    expect(check.outcome).toBe('mismatch');
  });

  it('checks the codice fiscale place against the province on the form', async () => {
    const check = await verifyIdentity({ ...FORM, birthProvince: 'MI' }, cie(), TODAY);
    expect(check.reasons.map((r) => r.code)).toEqual(['FISCAL_CODE_INCONSISTENT_WITH_PERSON']);
    expect(check.reasons[0].message).toMatch(/ROMA \(MI\)/);
  });

  it('lists every disagreement, not just the first', async () => {
    const check = await verifyIdentity({ ...FORM, surname: 'BIANCHI', sex: 'F', birthPlace: 'TORINO' }, cie(), TODAY);
    const codes = check.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['SURNAME_MISMATCH', 'SEX_MISMATCH', 'BIRTH_PLACE_MISMATCH']));
  });
});

describe('checkFormAgainstDocument: never a match on something not read', () => {
  it.each(['surname', 'givenNames', 'birthDate', 'sex', 'birthPlace'] as const)('document %s not read → unreadable', async (field) => {
    const check = await verifyIdentity(FORM, cie({ [field]: null }), TODAY);
    expect(check.outcome).toBe('unreadable');
    expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'FIELD_UNREADABLE', field, formValue: FORM[field] }));
  });

  it('a CIE whose codice fiscale was not read is unreadable, even though the CF matches the person', async () => {
    const check = await verifyIdentity(FORM, cie({ fiscalCode: null }), TODAY);
    expect(check.outcome).toBe('unreadable');
    expect(check.reasons.map((r) => r.code)).toEqual(['FIELD_UNREADABLE']);
  });

  it('a misread codice fiscale on the document is unreadable, not a mismatch', async () => {
    const check = await verifyIdentity(FORM, cie({ fiscalCode: 'RSSMRA85D12H5O1L' }), TODAY);
    expect(check.outcome).toBe('unreadable');
  });

  it('a passport needs no codice fiscale on the document', async () => {
    const check = await verifyIdentity(FORM, cie({ fiscalCode: null }, { documentType: 'PASSPORT', sidesSeen: ['front'] }), TODAY);
    expect(check).toEqual({ outcome: 'match', reasons: [] });
  });

  it('a document not recognised gives one reason, not one per field', async () => {
    const blank = cie({ surname: null, givenNames: null, sex: null, birthDate: null, birthPlace: null, fiscalCode: null, expiryDate: null }, { documentType: 'UNKNOWN', sidesSeen: [] });
    const check = await verifyIdentity(FORM, blank, TODAY);
    expect(check.outcome).toBe('unreadable');
    expect(check.reasons.map((r) => r.code)).toEqual(['DOCUMENT_UNREADABLE']);
  });

  it.each(['surname', 'givenNames', 'birthDate', 'birthPlace', 'fiscalCode'] as const)('form %s empty → REQUIRED_FIELD_EMPTY', async (field) => {
    for (const empty of [null, '', '   ']) {
      const check = await verifyIdentity({ ...FORM, [field]: empty }, cie(), TODAY);
      expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'REQUIRED_FIELD_EMPTY', field }));
      expect(check.outcome).toBe('mismatch');
    }
  });
});

describe('checkFormAgainstDocument: bad input', () => {
  it('an empty form lists every missing field with an Italian sentence', async () => {
    const empty: FormIdentity = { surname: null, givenNames: null, birthDate: null, sex: null, birthPlace: null, birthProvince: null, fiscalCode: null };
    const check = await verifyIdentity(empty, cie(), TODAY);
    expect(check.outcome).toBe('mismatch');
    expect(check.reasons.map((r) => [r.code, r.field])).toEqual([
      ['REQUIRED_FIELD_EMPTY', 'surname'],
      ['REQUIRED_FIELD_EMPTY', 'givenNames'],
      ['REQUIRED_FIELD_EMPTY', 'birthDate'],
      ['REQUIRED_FIELD_EMPTY', 'sex'],
      ['REQUIRED_FIELD_EMPTY', 'birthPlace'],
      ['REQUIRED_FIELD_EMPTY', 'fiscalCode'],
    ]);
    expect(check.reasons[0].message).toBe('Nel modulo non è indicato il cognome, che è obbligatorio.');
  });

  it('junk in every form field is reported, never matched, never a crash', async () => {
    const junk: FormIdentity = { surname: '%%%', givenNames: '123', birthDate: 'ieri', sex: 'M', birthPlace: '???', birthProvince: 'ZZ', fiscalCode: '<script>' };
    const check = await verifyIdentity(junk, cie(), TODAY);
    expect(check.outcome).toBe('mismatch');
    expect(check.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['SURNAME_MISMATCH', 'GIVEN_NAMES_MISMATCH', 'BIRTH_DATE_MISMATCH', 'BIRTH_PLACE_MISMATCH', 'FISCAL_CODE_INVALID']),
    );
    for (const reason of check.reasons) expect(reason.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('checkFormAgainstDocument: outcome precedence', () => {
  it('document-invalid beats mismatch and unreadable', async () => {
    const check = await verifyIdentity({ ...FORM, surname: 'BIANCHI' }, cie({ expiryDate: '2025-01-01', birthPlace: null }), TODAY);
    expect(check.outcome).toBe('document-invalid');
    expect(check.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['DOCUMENT_EXPIRED', 'SURNAME_MISMATCH', 'FIELD_UNREADABLE']));
  });

  it('mismatch beats unreadable', async () => {
    const check = await verifyIdentity({ ...FORM, surname: 'BIANCHI' }, cie({ birthPlace: null }), TODAY);
    expect(check.outcome).toBe('mismatch');
  });

  it('outcomeOf treats an unknown code as a mismatch', () => {
    expect(outcomeOf([])).toBe('match');
    expect(outcomeOf([{ code: 'SOMETHING_NEW' }])).toBe('mismatch');
    expect(outcomeOf([{ code: 'FIELD_UNREADABLE' }, { code: 'DOCUMENT_SIDE_MISSING' }])).toBe('document-invalid');
  });

  it('without resolved places the synchronous check still compares everything else', () => {
    expect(checkFormAgainstDocument(FORM, cie(), TODAY)).toEqual({ outcome: 'match', reasons: [] });
    expect(checkFormAgainstDocument({ ...FORM, sex: 'F' }, cie(), TODAY).outcome).toBe('mismatch');
  });

  it('with places resolved, a codice fiscale place code unknown to the register is inconsistent', async () => {
    const code = 'RSSMRA85D12Z998N';
    const places = await resolveBirthPlaces([code], TODAY);
    const passport = cie({ fiscalCode: null }, { documentType: 'PASSPORT', sidesSeen: ['front'] });
    const check = checkFormAgainstDocument({ ...FORM, fiscalCode: code }, passport, TODAY, places);
    expect(check.reasons).toContainEqual(expect.objectContaining({ code: 'FISCAL_CODE_INCONSISTENT_WITH_PERSON', documentValue: 'ROMA' }));
  });
});

describe('assessDocumentValidity', () => {
  it.each<[string, Partial<IdDocumentReading>, Partial<IdDocumentReading['fields']>, string[]]>([
    ['valid CIE', {}, {}, []],
    ['expires today: still valid', {}, { expiryDate: TODAY }, []],
    ['expired yesterday', {}, { expiryDate: '2026-11-22' }, ['DOCUMENT_EXPIRED']],
    ['expiry not read', {}, { expiryDate: null }, ['FIELD_UNREADABLE']],
    ['expiry not ISO', {}, { expiryDate: '11/04/2033' }, ['FIELD_UNREADABLE']],
    ['CIE back missing', { sidesSeen: ['front'] }, {}, ['DOCUMENT_SIDE_MISSING']],
    ['CIE both sides missing', { sidesSeen: [] }, {}, ['DOCUMENT_SIDE_MISSING', 'DOCUMENT_SIDE_MISSING']],
    ['passport data page only', { documentType: 'PASSPORT', sidesSeen: ['front'] }, {}, []],
    ['driving licence back missing', { documentType: 'DRIVING_LICENCE', sidesSeen: ['front'] }, {}, ['DOCUMENT_SIDE_MISSING']],
    ['paper ID with a future printed expiry', { documentType: 'PAPER_ID' }, { expiryDate: '2030-01-01' }, ['DOCUMENT_NOT_ACCEPTED_PAPER_ID']],
    ['health card', { documentType: 'HEALTH_CARD', sidesSeen: ['front', 'back'] }, {}, ['DOCUMENT_NOT_IDENTITY']],
    ['unknown document', { documentType: 'UNKNOWN' }, {}, ['DOCUMENT_UNREADABLE']],
  ])('%s', (_label, rest, fields, codes) => {
    expect(assessDocumentValidity(cie(fields, rest), TODAY).map((r) => r.code)).toEqual(codes);
  });

  it('accepted paper ID before 3 August 2026, refused from that day', () => {
    const paper = cie({ expiryDate: '2030-01-01' }, { documentType: 'PAPER_ID' });
    expect(assessDocumentValidity(paper, '2026-08-02')).toEqual([]);
    expect(assessDocumentValidity(paper, '2026-08-03').map((r) => r.code)).toEqual(['DOCUMENT_NOT_ACCEPTED_PAPER_ID']);
  });

  it('states the expiry date in the sentence', () => {
    const [reason] = assessDocumentValidity(cie({ expiryDate: '2025-03-31' }), TODAY);
    expect(reason).toMatchObject({ field: 'expiryDate', documentValue: '2025-03-31', formValue: null });
    expect(reason.message).toBe('Il documento di identità presentato è scaduto il 31/03/2025.');
  });

  it('names the missing side', () => {
    const [reason] = assessDocumentValidity(cie({}, { sidesSeen: ['front'] }), TODAY);
    expect(reason.message).toMatch(/Manca la copia del retro/);
  });
});

describe('reason catalogue', () => {
  it('has an Italian and an English sentence for every stable code', () => {
    for (const code of REASON_CODES) {
      expect(messagesIt).toHaveProperty([`identity.reason.${code}`]);
      expect(messagesEn).toHaveProperty([`identity.reason.${code}`]);
    }
  });
});

describe('formIdentityFromAcroForm', () => {
  it('maps the facsimile fields', () => {
    expect(
      formIdentityFromAcroForm({
        cognome: ' De Nicolò ',
        nome: 'Maria  Anna',
        codice_fiscale: 'dncmnn85d52h501b ',
        sesso: 'F',
        data_nascita: '12/04/1985',
        comune_nascita: 'Roma',
        provincia_nascita: 'rm',
        cittadinanza: 'ITALIANA',
      }),
    ).toEqual({ surname: 'De Nicolò', givenNames: 'Maria Anna', fiscalCode: MARIA_CF, sex: 'F', birthDate: '1985-04-12', birthPlace: 'Roma', birthProvince: 'RM' });
  });

  it('uses the foreign state for people born abroad', () => {
    const form = formIdentityFromAcroForm({ cognome: 'MULLER', nome: 'HANS', provincia_nascita: 'EE', comune_nascita: '', stato_estero_nascita: 'Germania' });
    expect(form).toMatchObject({ birthPlace: 'Germania', birthProvince: 'EE' });
  });

  it('keeps unparseable values visible and empty values null', () => {
    expect(formIdentityFromAcroForm({ data_nascita: '31/02/1985', sesso: 'X', cognome: '   ' })).toEqual({
      surname: null,
      givenNames: null,
      fiscalCode: null,
      sex: null,
      birthDate: '31/02/1985',
      birthPlace: null,
      birthProvince: null,
    });
    expect(formIdentityFromAcroForm({ sesso: 'maschio' }).sex).toBe('M');
  });
});

describe('checkFormAgainstDocument: no single-character change on the form goes unnoticed (exhaustive sweep)', () => {
  // Vowels, common consonants, omocodia letters and the digits OCR confuses with letters.
  const CHARS = 'AEIOUBCDKLMNRSTVXZ012568';
  const passport = cie({ fiscalCode: null }, { documentType: 'PASSPORT', sidesSeen: ['front'] });

  it.each(['surname', 'givenNames', 'fiscalCode', 'birthPlace'] as const)('%s', (field) => {
    const original = FORM[field]!.toUpperCase();
    let unnoticed = 0;
    for (let i = 0; i < original.length; i++) {
      for (const ch of CHARS) {
        if (ch === original[i]) continue;
        const changed = { ...FORM, [field]: original.slice(0, i) + ch + original.slice(i + 1) };
        // With the CF on the document and without it (passport): the CF's own checks must catch it too.
        for (const doc of [cie(), passport]) if (checkFormAgainstDocument(changed, doc, TODAY).outcome === 'match') unnoticed++;
      }
    }
    expect(unnoticed).toBe(0);
  });

  it('birth date off by every day up to two months, and by every week up to a year and a half', () => {
    let unnoticed = 0;
    const base = Date.UTC(1985, 3, 12);
    const offsets = [...Array.from({ length: 121 }, (_, i) => i - 60), ...Array.from({ length: 158 }, (_, i) => (i - 79) * 7)];
    for (const offset of offsets) {
      if (offset === 0) continue;
      const birthDate = new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
      if (checkFormAgainstDocument({ ...FORM, birthDate }, cie(), TODAY).outcome === 'match') unnoticed++;
    }
    expect(unnoticed).toBe(0);
  });
});

describe('checkFormAgainstDocument: only confirmed document values count', () => {
  const unconfirmed = (field: keyof IdDocumentReading['fields']) => {
    const reading = cie({ surname: 'RUSSO' });
    const confirmedBy = { ...reading.confirmedBy };
    delete confirmedBy[field];
    return { ...reading, confirmedBy };
  };

  it('an unconfirmed value that differs from the form is to be checked, not a mismatch', () => {
    const check = checkFormAgainstDocument(FORM, unconfirmed('surname'), TODAY);
    const reason = check.reasons.find((r) => r.field === 'surname');
    expect(reason?.code).toBe('FIELD_UNCONFIRMED');
    expect(reason).toMatchObject({ formValue: 'Rossi', documentValue: 'RUSSO' });
    expect(reason?.message).toMatch(/non è confermato/);
    expect(check.outcome).toBe('unreadable');
  });

  it('the same value confirmed is a mismatch', () => {
    expect(checkFormAgainstDocument(FORM, cie({ surname: 'RUSSO' }), TODAY).reasons.map((r) => r.code)).toContain('SURNAME_MISMATCH');
  });

  it('an unconfirmed value the form agrees with is confirmed by it: a match', () => {
    const reading = cie();
    const confirmedBy = { ...reading.confirmedBy };
    delete confirmedBy.surname;
    expect(checkFormAgainstDocument(FORM, { ...reading, confirmedBy }, TODAY).outcome).toBe('match');
  });

  it('a reading saved before confirmations existed decides nothing on its own', () => {
    const old = cie({ surname: 'RUSSO' });
    delete old.confirmedBy;
    const check = checkFormAgainstDocument(FORM, old, TODAY);
    expect(check.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['FIELD_UNCONFIRMED']));
    expect(check.reasons.map((r) => r.code)).not.toContain('SURNAME_MISMATCH');
  });

  it('a value the clerk typed or confirmed counts', () => {
    const reading = unconfirmed('surname');
    expect(checkFormAgainstDocument(FORM, { ...reading, fieldSources: { ...reading.fieldSources, surname: 'clerk' } }, TODAY).reasons.map((r) => r.code)).toContain('SURNAME_MISMATCH');
  });

  it('an unconfirmed expiry cannot make the document valid', () => {
    const reading = cie();
    const confirmedBy = { ...reading.confirmedBy };
    delete confirmedBy.expiryDate;
    expect(assessDocumentValidity({ ...reading, confirmedBy }, TODAY).map((r) => r.code)).toEqual(['FIELD_UNCONFIRMED']);
  });
});
