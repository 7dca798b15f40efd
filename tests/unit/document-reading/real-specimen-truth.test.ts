/**
 * The ground truth of the real specimen images (tests/real-specimens/ground-truth/*.json) is
 * transcribed by hand from images the project does not ship (../shared/specimens). A benchmark is
 * only as good as its truth, so every transcription is checked here against itself, without the
 * images: each MRZ line has its format's length and only MRZ characters; the check digits that fail
 * (ICAO 9303 field positions for TD1, TD2 and TD3) are exactly the ones recorded as failing (some
 * specimens print wrong check digits on purpose); and the `expected` fields say what the lines say.
 *
 * Check names: documentNumber, birthDate, expiryDate, composite, and personalNumber (TD3 only).
 * A TD1/TD2 document number longer than 9 characters (filler at the check position, the rest of the
 * number and its check digit at the start of the optional data) is checked as documentNumber.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mrzCheckDigit } from '../../../shared/identity/mrz';

type Format = 'TD1' | 'TD2' | 'TD3';
type CheckName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite';

interface Expected {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  surname: string;
  givenNames: string | null;
  nationality: string;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  expiryDate: string | null;
}

interface TruthDocument {
  file: string;
  format: Format;
  mrz: string[];
  failingChecks: CheckName[];
  expected: Expected;
  printed: { surname: string | null; givenNames: string | null; birthDate: string | null; documentNumber: string | null };
  capture: string;
  notes: string;
}

interface TruthFile {
  description: string;
  documents: TruthDocument[];
  skipped: { file: string; reason: string }[];
}

const GROUND_TRUTH_DIR = path.resolve(__dirname, '../../real-specimens/ground-truth');
const SHAPE: Record<Format, { lines: number; length: number }> = { TD1: { lines: 3, length: 30 }, TD2: { lines: 2, length: 36 }, TD3: { lines: 2, length: 44 } };
const CHECK_NAMES: CheckName[] = ['documentNumber', 'birthDate', 'expiryDate', 'personalNumber', 'composite'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Check {
  name: CheckName;
  value: string;
  digit: string;
  /** The check position may hold `<` when the field is empty (TD3 personal number). */
  fillerAllowed?: boolean;
}

/** What the MRZ lines say, field by field, and the checks they carry. */
interface MrzFields {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  nameField: string;
  nationality: string;
  birthDate: string;
  sex: string;
  expiryDate: string;
  checks: Check[];
}

/** The document number field, extended into the optional data when it is longer than 9 characters (TD1, TD2). */
function documentNumberCheck(numberField: string, digit: string, optionalData: string): { number: string; check: Check } {
  const extension = optionalData.split('<')[0];
  if (digit === '<' && extension.length >= 2) {
    const value = numberField + extension.slice(0, -1);
    return { number: value, check: { name: 'documentNumber', value, digit: extension.slice(-1) } };
  }
  return { number: numberField, check: { name: 'documentNumber', value: numberField, digit } };
}

function fieldsOf(format: Format, lines: string[]): MrzFields {
  const [l1, l2, l3] = lines;
  const head = { documentCode: l1.slice(0, 2), issuingState: l1.slice(2, 5) };
  if (format === 'TD1') {
    const doc = documentNumberCheck(l1.slice(5, 14), l1[14], l1.slice(15, 30));
    return {
      ...head,
      documentNumber: doc.number,
      nameField: l3,
      nationality: l2.slice(15, 18),
      birthDate: l2.slice(0, 6),
      sex: l2[7],
      expiryDate: l2.slice(8, 14),
      checks: [
        doc.check,
        { name: 'birthDate', value: l2.slice(0, 6), digit: l2[6] },
        { name: 'expiryDate', value: l2.slice(8, 14), digit: l2[14] },
        { name: 'composite', value: l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), digit: l2[29] },
      ],
    };
  }
  const doc = format === 'TD2' ? documentNumberCheck(l2.slice(0, 9), l2[9], l2.slice(28, 35)) : { number: l2.slice(0, 9), check: { name: 'documentNumber' as const, value: l2.slice(0, 9), digit: l2[9] } };
  const common = {
    ...head,
    documentNumber: doc.number,
    nameField: l1.slice(5),
    nationality: l2.slice(10, 13),
    birthDate: l2.slice(13, 19),
    sex: l2[20],
    expiryDate: l2.slice(21, 27),
  };
  const dateChecks: Check[] = [
    { name: 'birthDate', value: l2.slice(13, 19), digit: l2[19] },
    { name: 'expiryDate', value: l2.slice(21, 27), digit: l2[27] },
  ];
  if (format === 'TD2') {
    return { ...common, checks: [doc.check, ...dateChecks, { name: 'composite', value: l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35), digit: l2[35] }] };
  }
  return {
    ...common,
    checks: [
      doc.check,
      ...dateChecks,
      { name: 'personalNumber', value: l2.slice(28, 42), digit: l2[42], fillerAllowed: true },
      { name: 'composite', value: l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), digit: l2[43] },
    ],
  };
}

function checkPasses(check: Check): boolean {
  if (check.fillerAllowed && check.digit === '<' && /^<*$/.test(check.value)) return true;
  return /^\d$/.test(check.digit) && mrzCheckDigit(check.value) === Number(check.digit);
}

function failingChecksOf(format: Format, lines: string[]): CheckName[] {
  return fieldsOf(format, lines)
    .checks.filter((c) => !checkPasses(c))
    .map((c) => c.name);
}

const strip = (s: string) => s.replace(/</g, '');
const spaced = (s: string) => s.replace(/</g, ' ').trim().replace(/\s+/g, ' ');

/** Surname and given names as the MRZ writes them: the primary identifier ends at the first `<<`. */
function namesOf(nameField: string): { surname: string; givenNames: string | null } {
  const cut = nameField.indexOf('<<');
  if (cut < 0) return { surname: spaced(nameField), givenNames: null };
  return { surname: spaced(nameField.slice(0, cut)), givenNames: spaced(nameField.slice(cut + 2)) || null };
}

/** Whether an MRZ date field is a real date (specimens print 000000 or fillers for an unknown date). */
function isCalendarYymmdd(field: string): boolean {
  if (!/^\d{6}$/.test(field)) return false;
  const month = Number(field.slice(2, 4));
  const day = Number(field.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** yymmdd of an ISO date, or null. */
const yymmdd = (iso: string | null) => (iso === null ? null : iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10));

function loadTruthFiles(): { name: string; truth: TruthFile }[] {
  if (!fs.existsSync(GROUND_TRUTH_DIR)) return [];
  return fs
    .readdirSync(GROUND_TRUTH_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, truth: JSON.parse(fs.readFileSync(path.join(GROUND_TRUTH_DIR, name), 'utf8')) as TruthFile }));
}

const truthFiles = loadTruthFiles();

describe('check digits used by the ground-truth validator', () => {
  it('computes the ICAO 9303 example digits', () => {
    // ICAO 9303 part 4 specimen: L898902C3 UTO 740812 2 F 120415 9 ZE184226B <<<<< 1 0
    expect(failingChecksOf('TD3', ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'])).toEqual([]);
    expect(failingChecksOf('TD3', ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C35UTO7408122F1204159ZE184226B<<<<<10'])).toEqual(['documentNumber', 'composite']);
    // ICAO 9303 part 5 TD1 specimen, and a long document number continued in the optional data.
    expect(failingChecksOf('TD1', ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'])).toEqual([]);
    expect(failingChecksOf('TD1', ['I<UTOD23145890<AB11226<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'])).toEqual([]);
    expect(failingChecksOf('TD1', ['I<UTOD23145890<AB11227<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'])).toEqual(['documentNumber', 'composite']);
    expect(failingChecksOf('TD2', ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'])).toEqual([]);
  });
});

describe('real specimen ground truth', () => {
  it('has at least one ground-truth file', () => {
    expect(truthFiles.length).toBeGreaterThan(0);
  });

  it('names every image once, by a path relative to shared/specimens', () => {
    const seen = new Map<string, string>();
    for (const { name, truth } of truthFiles) {
      expect(typeof truth.description, name).toBe('string');
      expect(Array.isArray(truth.documents), name).toBe(true);
      expect(Array.isArray(truth.skipped), name).toBe(true);
      for (const entry of [...truth.documents, ...truth.skipped]) {
        expect(entry.file, name).toMatch(/^[A-Za-z_]+\/[^/]+\.(jpg|jpeg|png)$/);
        expect(seen.get(entry.file), `${entry.file} listed in ${name} and ${seen.get(entry.file)}`).toBeUndefined();
        seen.set(entry.file, name);
      }
      for (const s of truth.skipped) expect(s.reason, s.file).toMatch(/\S/);
    }
  });

  for (const { name, truth } of truthFiles) {
    describe(name, () => {
      for (const doc of truth.documents) {
        it(doc.file, () => {
          const shape = SHAPE[doc.format];
          expect(shape, `format ${doc.format}`).toBeDefined();
          expect(doc.mrz).toHaveLength(shape.lines);
          for (const line of doc.mrz) {
            expect(line, 'MRZ characters only').toMatch(/^[A-Z0-9<]*$/);
            expect(line.length, line).toBe(shape.length);
          }

          for (const check of doc.failingChecks) expect(CHECK_NAMES).toContain(check);
          if (doc.format !== 'TD3') expect(doc.failingChecks).not.toContain('personalNumber');
          expect([...doc.failingChecks].sort(), 'failingChecks').toEqual(failingChecksOf(doc.format, doc.mrz).sort());

          const mrz = fieldsOf(doc.format, doc.mrz);
          const e = doc.expected;
          expect(e.documentCode, 'documentCode').toBe(strip(mrz.documentCode));
          expect(e.issuingState, 'issuingState').toBe(strip(mrz.issuingState));
          expect(e.nationality, 'nationality').toBe(strip(mrz.nationality));
          expect(e.documentNumber, 'documentNumber').toBe(strip(mrz.documentNumber));
          expect({ surname: e.surname, givenNames: e.givenNames }, 'names').toEqual(namesOf(mrz.nameField));
          expect(e.sex, 'sex').toBe(mrz.sex === 'M' || mrz.sex === 'F' ? mrz.sex : null);
          for (const [label, iso, field] of [
            ['birthDate', e.birthDate, mrz.birthDate],
            ['expiryDate', e.expiryDate, mrz.expiryDate],
          ] as const) {
            if (isCalendarYymmdd(field)) {
              expect(iso, label).toMatch(ISO_DATE);
              expect(yymmdd(iso), label).toBe(field);
            } else {
              expect(iso, `${label}: the MRZ gives no date (fillers, or zeros as in a blank specimen)`).toBeNull();
            }
          }

          const p = doc.printed;
          expect(p, 'printed').toBeTypeOf('object');
          for (const key of ['surname', 'givenNames', 'birthDate', 'documentNumber'] as const) {
            expect(p[key] === null || typeof p[key] === 'string', `printed.${key}`).toBe(true);
          }
          if (p.birthDate !== null) {
            expect(p.birthDate, 'printed.birthDate').toMatch(ISO_DATE);
            // Where the printed date agrees with the MRZ, it settles the century.
            if (yymmdd(p.birthDate) === mrz.birthDate) expect(e.birthDate, 'birthDate century from the printed date').toBe(p.birthDate);
          }
          expect(typeof doc.capture).toBe('string');
          expect(typeof doc.notes).toBe('string');
        });
      }
    });
  }
});
