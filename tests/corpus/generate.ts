/**
 * Generates the synthetic test corpus: document images under tests/corpus/images/ and their ground
 * truth in tests/corpus/ground-truth.json. The output is committed; run this only to change it:
 *   npx tsx tests/corpus/generate.ts
 * Needs the Debian packages fonts-ocr-b (MRZ typeface), fonts-dejavu, imagemagick (phone photos)
 * and ghostscript (the encrypted PDF of the bad inputs). New documents are appended to the lists
 * below, so the ids, seeds and images of the existing ones stay as they are.
 *
 * These committed images are the development split's first part. The generated splits (the
 * development seeds, and the test split that nobody tunes on: generator/variation.ts) are not
 * committed; `npm run bench:ocr-accuracy` writes them into tests/corpus/.cache/, or:
 *   npx tsx tests/corpus/generate.ts --split dev|test
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { PEOPLE, type Person } from './generator/people';
import { td1Lines, td3Lines } from './generator/mrz-lines';
import { cieBack, cieFront, drivingLicence, healthCard, paperId, passportPage } from './generator/layouts';
import { blur, flatbed, jpeg, phonePhoto, renderLayout, seededRng, tiltedPhonePhoto, withNoise, type Rng } from './generator/captures';
import { addYears, CORPUS_TODAY, digits, letters, minusDay, type CorpusDocument } from './generator/documents';
import { ensureSplit, type Split } from './generator/variation';

const ROOT = path.resolve('tests/corpus');
const IMAGES = path.join(ROOT, 'images');
const BAD = path.join(ROOT, 'bad');

type Capture = 'scan' | 'scan-png' | 'jpeg-low' | 'noisy' | 'blurred' | 'flatbed' | 'flatbed-both-sides' | 'phone-photo' | 'phone-tilted';

const documents: CorpusDocument[] = [];

async function save(name: string, png: Buffer, capture: Capture, rng: Rng): Promise<string> {
  let data: Buffer;
  let ext = 'jpg';
  switch (capture) {
    case 'scan-png':
      data = png;
      ext = 'png';
      break;
    case 'jpeg-low':
      data = await jpeg(png, 30);
      break;
    case 'noisy':
      data = await jpeg(await withNoise(png, rng, 28), 85);
      break;
    case 'blurred':
      data = await jpeg(await blur(png, 1.3), 85);
      break;
    case 'phone-photo':
      data = await jpeg(phonePhoto(png, rng), 80);
      break;
    case 'phone-tilted':
      data = await jpeg(await tiltedPhonePhoto(png, rng), 80);
      break;
    default:
      data = await jpeg(png, 88);
  }
  const file = `${name}.${ext}`;
  writeFileSync(path.join(IMAGES, file), data);
  return file;
}

function cieData(p: Person, rng: Rng, issueDate: string) {
  const documentNumber = `CA${digits(rng, 5)}${letters(rng, 2)}`;
  const expiryDate = addYears(`${issueDate.slice(0, 4)}${p.birthDate.slice(4)}`, 11);
  return {
    documentNumber,
    issuingComune: p.birthProvince === 'EE' ? 'BARI' : p.birthPlace,
    surname: p.surname,
    givenNames: p.givenNames,
    birthPlace: p.birthPlace,
    birthProvince: p.birthProvince,
    birthDate: p.birthDate,
    sex: p.sex,
    issueDate,
    expiryDate,
    can: digits(rng, 6),
    fiscalCode: p.fiscalCode,
    residence: p.residence,
    birthRecord: `${digits(rng, 3)} / P1 / S.A / ${p.birthDate.slice(0, 4)}`,
    mrz: td1Lines({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, sex: p.sex, expiryDate }),
  };
}

async function addCie(index: number, personIndex: number, capture: Capture, issueDate: string, notes?: string): Promise<void> {
  const rng = seededRng(1000 + index);
  const p = PEOPLE[personIndex];
  const d = cieData(p, rng, issueDate);
  const front = await renderLayout(cieFront(d, index));
  const back = await renderLayout(cieBack(d, index));
  const id = `cie-${String(index).padStart(2, '0')}`;
  let files: string[];
  if (capture === 'flatbed-both-sides') {
    const page = await flatbed(
      [
        { png: back, leftMm: 20 + rng() * 60, topMm: 15 + rng() * 50, angleDeg: (rng() - 0.5) * 6 },
        { png: front, leftMm: 20 + rng() * 60, topMm: 160 + rng() * 50, angleDeg: (rng() - 0.5) * 6 },
      ],
      rng,
    );
    files = [await save(`${id}-both`, page, 'scan', rng)];
  } else if (capture === 'flatbed') {
    const one = async (png: Buffer) => flatbed([{ png, leftMm: 15 + rng() * 90, topMm: 15 + rng() * 200, angleDeg: (rng() - 0.5) * 7 }], rng);
    // Back first: either side may come first.
    files = [await save(`${id}-back`, await one(back), 'scan', rng), await save(`${id}-front`, await one(front), 'scan', rng)];
  } else {
    files = [await save(`${id}-front`, front, capture, rng), await save(`${id}-back`, back, capture, rng)];
  }
  documents.push({
    id,
    documentType: 'CIE',
    capture,
    files,
    person: personIndex,
    fields: { surname: p.surname, givenNames: p.givenNames, sex: p.sex, birthDate: p.birthDate, birthPlace: p.birthPlace, fiscalCode: p.fiscalCode, documentNumber: d.documentNumber, issueDate: d.issueDate, expiryDate: d.expiryDate, nationality: 'ITA' },
    validity: d.expiryDate < CORPUS_TODAY ? 'expired' : 'valid',
    notes,
  });
}

async function addPassport(index: number, personIndex: number, capture: Capture, issueDate: string, notes?: string): Promise<void> {
  const rng = seededRng(2000 + index);
  const p = PEOPLE[personIndex];
  const documentNumber = `${letters(rng, 2)}${digits(rng, 7)}`;
  const expiryDate = minusDay(addYears(issueDate, 10));
  const mrz = td3Lines({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, sex: p.sex, expiryDate });
  const page = await renderLayout(passportPage({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, birthPlace: p.birthPlace, birthProvince: p.birthProvince, sex: p.sex, issueDate, expiryDate, mrz }, index));
  const id = `passport-${String(index).padStart(2, '0')}`;
  const files =
    capture === 'flatbed'
      ? [await save(id, await flatbed([{ png: page, leftMm: 15 + rng() * 50, topMm: 20 + rng() * 150, angleDeg: (rng() - 0.5) * 6 }], rng), 'scan', rng)]
      : [await save(id, page, capture, rng)];
  documents.push({
    id,
    documentType: 'PASSPORT',
    capture,
    files,
    person: personIndex,
    fields: { surname: p.surname, givenNames: p.givenNames, sex: p.sex, birthDate: p.birthDate, birthPlace: p.birthPlace, fiscalCode: null, documentNumber, issueDate, expiryDate, nationality: 'ITA' },
    validity: expiryDate < CORPUS_TODAY ? 'expired' : 'valid',
    notes,
  });
}

async function addLicence(index: number, personIndex: number, capture: Capture, issueDate: string): Promise<void> {
  const rng = seededRng(3000 + index);
  const p = PEOPLE[personIndex];
  const documentNumber = `U1${letters(rng, 1)}${digits(rng, 6)}${letters(rng, 1)}`;
  const expiryDate = addYears(`${issueDate.slice(0, 4)}${p.birthDate.slice(4)}`, 10);
  const png = await renderLayout(drivingLicence({ documentNumber, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, birthPlace: p.birthPlace, birthProvince: p.birthProvince, issueDate, expiryDate }, index));
  const id = `licence-${String(index).padStart(2, '0')}`;
  const files =
    capture === 'flatbed'
      ? [await save(id, await flatbed([{ png, leftMm: 15 + rng() * 90, topMm: 20 + rng() * 200, angleDeg: (rng() - 0.5) * 6 }], rng), 'scan', rng)]
      : [await save(id, png, capture, rng)];
  documents.push({
    id,
    documentType: 'DRIVING_LICENCE',
    capture,
    files,
    person: personIndex,
    fields: { surname: p.surname, givenNames: p.givenNames, sex: null, birthDate: p.birthDate, birthPlace: p.birthPlace, fiscalCode: null, documentNumber, issueDate, expiryDate, nationality: null },
    validity: expiryDate < CORPUS_TODAY ? 'expired' : 'valid',
  });
}

async function addHealthCard(index: number, personIndex: number, capture: Capture, expiryDate: string): Promise<void> {
  const rng = seededRng(4000 + index);
  const p = PEOPLE[personIndex];
  const png = await renderLayout(healthCard({ fiscalCode: p.fiscalCode, surname: p.surname, givenNames: p.givenNames, birthPlace: p.birthPlace, birthProvince: p.birthProvince, birthDate: p.birthDate, sex: p.sex, expiryDate }, index));
  const id = `health-${String(index).padStart(2, '0')}`;
  const files = [await save(id, png, capture, rng)];
  documents.push({
    id,
    documentType: 'HEALTH_CARD',
    capture,
    files,
    person: personIndex,
    fields: { surname: p.surname, givenNames: p.givenNames, sex: p.sex, birthDate: p.birthDate, birthPlace: p.birthPlace, fiscalCode: p.fiscalCode, documentNumber: null, issueDate: null, expiryDate, nationality: null },
    validity: expiryDate < CORPUS_TODAY ? 'expired' : 'valid',
  });
}

async function addPaperId(index: number, personIndex: number, capture: Capture, issueDate: string): Promise<void> {
  const rng = seededRng(5000 + index);
  const p = PEOPLE[personIndex];
  const documentNumber = `A${letters(rng, 1)}${digits(rng, 7)}`;
  const expiryDate = addYears(`${issueDate.slice(0, 4)}${p.birthDate.slice(4)}`, 10);
  const comune = p.birthProvince === 'EE' ? 'BARI' : p.birthPlace;
  const png = await renderLayout(paperId({ documentNumber, issuingComune: comune, surname: p.surname, givenNames: p.givenNames, birthDate: p.birthDate, birthPlace: p.birthPlace, birthProvince: p.birthProvince, residence: p.residence, issueDate, expiryDate }, index));
  const id = `paper-${String(index).padStart(2, '0')}`;
  const files = [await save(id, png, capture, rng)];
  documents.push({
    id,
    documentType: 'PAPER_ID',
    capture,
    files,
    person: personIndex,
    fields: { surname: p.surname, givenNames: p.givenNames, sex: null, birthDate: p.birthDate, birthPlace: p.birthPlace, fiscalCode: null, documentNumber, issueDate, expiryDate, nationality: 'ITA' },
    validity: 'not-accepted',
  });
}

/** A PNG whose header declares width × height but carries almost no pixel data. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([len, typed, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const idat = zlib.deflateSync(Buffer.alloc(width + 1));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

interface BadInput {
  file: string;
  kind: string;
  /** `error`: the reader must refuse with a clear message; `unreadable`: it must return UNKNOWN with no field. */
  expect: 'error' | 'unreadable';
}

async function writeBadInputs(): Promise<BadInput[]> {
  const bad: BadInput[] = [];
  const put = (file: string, data: Buffer, kind: string, expect: BadInput['expect']) => {
    writeFileSync(path.join(BAD, file), data);
    bad.push({ file, kind, expect });
  };
  put('not-an-image.jpg', Buffer.from('Questo non è un documento, solo testo.\n'), 'not an image', 'error');
  put('empty.png', Buffer.alloc(0), '0-byte file', 'error');
  const card = await jpeg(await renderLayout(cieFront(cieData(PEOPLE[0], seededRng(9), '2022-03-01'), 9)), 85);
  put('truncated.jpg', card.subarray(0, Math.floor(card.length / 3)), 'truncated JPEG', 'error');
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ffffff' } }).png().toBuffer();
  const corrupt = Buffer.from(png);
  corrupt.fill(0x41, 40, Math.min(corrupt.length, 120));
  put('corrupt.png', corrupt, 'corrupt PNG', 'error');
  put('huge-400mp.png', pngHeaderOnly(20000, 20000), '400 megapixels declared in the header', 'error');
  put('truncated.tiff', (await sharp(png).tiff().toBuffer()).subarray(0, 60), 'truncated TIFF', 'error');
  put('blank-page.jpg', await jpeg(await withNoise(await sharp({ create: { width: 1654, height: 2339, channels: 3, background: '#fdfdfc' } }).png().toBuffer(), seededRng(7), 5), 85), 'blank flatbed page', 'unreadable');
  // A "photo of something else": a landscape of shapes and gradients with no text.
  const scenery = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb2e5"/><stop offset="1" stop-color="#e8f1fa"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/><circle cx="950" cy="160" r="80" fill="#ffd34d"/><path d="M0 600 L250 330 L480 560 L700 300 L1000 580 L1200 420 L1200 800 L0 800 Z" fill="#4f7a3a"/><rect x="120" y="560" width="160" height="120" fill="#a0522d"/><path d="M100 560 L200 480 L300 560 Z" fill="#7a2e1a"/></svg>`;
  put('photo-of-something-else.jpg', await jpeg(await sharp(Buffer.from(scenery)).png().toBuffer(), 85), 'photo of something else', 'unreadable');
  const pdfPath = path.join(BAD, 'plain.tmp.pdf');
  const plain = await PDFDocument.create();
  plain.addPage([595, 842]).drawText('Documento di prova', { x: 50, y: 780, size: 14 });
  writeFileSync(pdfPath, await plain.save());
  execFileSync('gs', ['-q', '-sDEVICE=pdfwrite', '-sOwnerPassword=sportello-owner', '-sUserPassword=sportello', '-o', path.join(BAD, 'encrypted.pdf'), pdfPath]);
  rmSync(pdfPath);
  bad.push({ file: 'encrypted.pdf', kind: 'password-protected PDF', expect: 'error' });
  put('malformed.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF garbage'), 'malformed PDF', 'error');
  return bad;
}

async function main(): Promise<void> {
  rmSync(IMAGES, { recursive: true, force: true });
  rmSync(BAD, { recursive: true, force: true });
  mkdirSync(IMAGES, { recursive: true });
  mkdirSync(BAD, { recursive: true });

  // CIE: 16 documents across the captures; person 4 has names longer than the TD1 MRZ field.
  const cies: Array<[number, Capture, string, string?]> = [
    [0, 'scan', '2022-03-14'],
    [1, 'scan', '2021-06-02', 'apostrophe surname and accented given name'],
    [2, 'scan-png', '2020-09-21', 'two-word surname and given names'],
    [3, 'jpeg-low', '2023-01-10'],
    [4, 'scan', '2019-05-06', 'names truncated in the MRZ'],
    [5, 'noisy', '2024-02-19', 'accented birth place'],
    [6, 'flatbed', '2022-11-30'],
    [7, 'flatbed-both-sides', '2021-04-08', 'both sides on one A4 page'],
    [8, 'scan', '2023-07-17', 'born abroad'],
    [9, 'blurred', '2020-12-01'],
    [10, 'phone-photo', '2022-08-25'],
    [11, 'flatbed-both-sides', '2023-10-03'],
    [0, 'scan', '2014-04-01', 'expired'],
    [3, 'phone-photo', '2024-05-13'],
    [6, 'phone-tilted', '2023-03-09', 'phone held at an angle: each side a clear trapezoid, uneven light'],
    [9, 'phone-tilted', '2021-11-15', 'phone held at an angle: each side a clear trapezoid, uneven light'],
  ];
  for (const [i, [person, capture, issue, notes]] of cies.entries()) await addCie(i + 1, person, capture, issue, notes);

  const passports: Array<[number, Capture, string, string?]> = [
    [0, 'scan', '2023-07-31'],
    [1, 'scan', '2019-11-04'],
    [2, 'jpeg-low', '2021-02-15'],
    [4, 'scan', '2022-05-09', 'long names'],
    [5, 'noisy', '2016-03-01', 'expired'],
    [7, 'flatbed', '2024-08-20'],
    [8, 'scan-png', '2020-10-12', 'born abroad'],
    [10, 'phone-photo', '2023-12-05'],
    [3, 'phone-tilted', '2022-09-14', 'phone held at an angle'],
  ];
  for (const [i, [person, capture, issue, notes]] of passports.entries()) await addPassport(i + 1, person, capture, issue, notes);

  const licences: Array<[number, Capture, string]> = [
    [0, 'scan', '2021-03-02'],
    [2, 'scan', '2018-06-11'],
    [5, 'jpeg-low', '2019-09-30'],
    [6, 'flatbed', '2022-01-20'],
    [9, 'noisy', '2014-02-10'],
    [11, 'scan-png', '2023-05-05'],
    [4, 'phone-tilted', '2020-04-27'],
  ];
  for (const [i, [person, capture, issue]] of licences.entries()) await addLicence(i + 1, person, capture, issue);

  const healthCards: Array<[number, Capture, string]> = [
    [1, 'scan', '2029-06-30'],
    [3, 'scan', '2027-01-31'],
    [6, 'jpeg-low', '2030-12-31'],
    [8, 'noisy', '2025-03-31'],
    [10, 'scan-png', '2028-09-30'],
    [0, 'phone-tilted', '2029-02-28'],
  ];
  for (const [i, [person, capture, expiry]] of healthCards.entries()) await addHealthCard(i + 1, person, capture, expiry);

  const papers: Array<[number, Capture, string]> = [
    [0, 'scan', '2018-05-02'],
    [3, 'scan', '2019-10-15'],
    [5, 'jpeg-low', '2017-02-20'],
    [9, 'noisy', '2020-01-08'],
    [11, 'scan-png', '2016-07-22'],
    [7, 'phone-tilted', '2018-12-03'],
  ];
  for (const [i, [person, capture, issue]] of papers.entries()) await addPaperId(i + 1, person, capture, issue);

  const badInputs = await writeBadInputs();
  const truth = {
    description: 'Synthetic corpus for document reading. Every person and document is invented. Regenerate with: npx tsx tests/corpus/generate.ts',
    today: CORPUS_TODAY,
    people: PEOPLE,
    documents,
    badInputs,
  };
  writeFileSync(path.join(ROOT, 'ground-truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  console.log(`${documents.length} documents, ${badInputs.length} bad inputs`);
}

const split = process.argv.indexOf('--split');
if (split >= 0) {
  const name = process.argv[split + 1];
  if (name !== 'dev' && name !== 'test') throw new Error('--split dev|test');
  const { dir, truth } = await ensureSplit(name satisfies Split);
  console.log(`${truth.documents.length} documents in ${dir}`);
} else await main();
