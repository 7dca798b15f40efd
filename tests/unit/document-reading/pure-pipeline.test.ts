import { describe, expect, it } from 'vitest';
import { locateDocuments, uprightDocument } from '../../../shared/document-reading/document-locator';
import { confirmByFiscalCode, mergeSides } from '../../../shared/document-reading/read-id-document';
import type { GrayRaster } from '../../../shared/document-reading/raster';
import type { SideReading } from '../../../shared/document-reading/side-reading';
import { createWorkerPool } from '../../../shared/document-reading/worker-pool';
import { readMrz } from '../../../shared/identity/mrz';

/** A white A4-like page with a filled card-shaped rectangle rotated by `angleDeg`. */
function pageWithCard(angleDeg: number, cx: number, cy: number): GrayRaster {
  const width = 1200;
  const height = 1700;
  const data = new Uint8Array(width * height).fill(252);
  const a = (angleDeg * Math.PI) / 180;
  const [hw, hh] = [428 / 2, 270 / 2];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const dx = x - cx;
      const dy = y - cy;
      const u = dx * Math.cos(a) + dy * Math.sin(a);
      const v = -dx * Math.sin(a) + dy * Math.cos(a);
      if (Math.abs(u) <= hw && Math.abs(v) <= hh) data[y * width + x] = (x + y) % 17 === 0 ? 40 : 225;
    }
  }
  return { width, height, data };
}

describe('locateDocuments', () => {
  it('finds a card anywhere on a flatbed page and measures its skew', () => {
    const [found, ...rest] = locateDocuments(pageWithCard(3, 700, 1100));
    expect(rest).toEqual([]);
    expect(found.wholeImage).toBe(false);
    expect(found.rect.cx).toBeCloseTo(700, -1);
    expect(found.rect.cy).toBeCloseTo(1100, -1);
    expect((found.rect.angle * 180) / Math.PI).toBeCloseTo(3, 0);
    expect(found.rect.width / found.rect.height).toBeCloseTo(428 / 270, 1);
    // Cut out upright at ~1100 px on the long side.
    expect(uprightDocument(pageWithCard(3, 700, 1100), found).raster.width).toBeGreaterThan(1050);
  });

  it('takes a scan that is the card itself as one whole-image document', () => {
    const scan = { width: 856, height: 540, data: new Uint8Array(856 * 540).fill(230) };
    for (let x = 100; x < 300; x += 1) for (let y = 100; y < 300; y += 1) scan.data[y * 856 + x] = 150;
    expect(locateDocuments(scan)).toEqual([expect.objectContaining({ wholeImage: true })]);
  });

  it('a blank page is one whole-image document (then OCR finds nothing)', () => {
    expect(locateDocuments({ width: 800, height: 1100, data: new Uint8Array(800 * 1100).fill(253) })[0].wholeImage).toBe(true);
  });
});

describe('createWorkerPool', () => {
  it('never runs more jobs at once than workers, reuses them and recycles after N jobs', async () => {
    let created = 0;
    let terminated = 0;
    let running = 0;
    let peak = 0;
    const pool = createWorkerPool(async () => ({ id: ++created, terminate: async () => void (terminated += 1) }), 2, 3);
    const job = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 12 }, () => pool.run(job)));
    expect(peak).toBe(2);
    // 12 jobs over 2 slots, 6 each; a worker is retired after its 3rd job: 2 workers per slot.
    expect(created).toBe(4);
    expect(terminated).toBe(4);
    await pool.run(job);
    expect(created).toBe(5);
    await pool.terminate();
    expect(terminated).toBe(5);
    await expect(pool.run(job)).rejects.toThrow();
  });

  it('a worker that fails to start does not poison its slot', async () => {
    let attempts = 0;
    const pool = createWorkerPool(async () => {
      attempts += 1;
      if (attempts <= 2) throw new Error('no wasm');
      return { terminate: async () => undefined };
    }, 1);
    // The job is tried once more on a fresh start; two failed starts are the caller's.
    await expect(pool.run(async () => 1)).rejects.toThrow('no wasm');
    await expect(pool.run(async () => 2)).resolves.toBe(2);
    expect(attempts).toBe(3);
  });

  /** Fake OCR workers: each knows whether it was stopped; a job can make the one running it break or hang. */
  const fakeWorkers = () => {
    const made: Array<{ id: number; stopped: boolean; terminate: () => Promise<void> }> = [];
    const create = async () => {
      const w = { id: made.length + 1, stopped: false, terminate: async () => void (w.stopped = true) };
      made.push(w);
      return w;
    };
    return { made, create };
  };

  it('a worker that breaks under a job is stopped, the job runs again on a fresh worker, and the next job too', async () => {
    const { made, create } = fakeWorkers();
    const pool = createWorkerPool(create, 1);
    let broken = false;
    const result = await pool.run(async (w) => {
      if (!broken) {
        broken = true;
        throw new Error('RuntimeError: memory access out of bounds');
      }
      return `read by worker ${w.id}`;
    });
    expect(result).toBe('read by worker 2');
    expect(made.map((w) => w.stopped)).toEqual([true, false]);
    await expect(pool.run(async (w) => w.id)).resolves.toBe(2);
    await pool.terminate();
  });

  it('a worker that never answers (tesseract.js never settles the job of a dead worker) is stopped after the job timeout', async () => {
    const { made, create } = fakeWorkers();
    const pool = createWorkerPool(create, 1, 100, 20);
    const hangs = () => new Promise<never>(() => undefined);
    await expect(pool.run(hangs)).rejects.toThrow(/did not answer/);
    expect(made).toHaveLength(2);
    expect(made.every((w) => w.stopped)).toBe(true);
    // The pool still reads: a fresh worker takes the next job.
    await expect(pool.run(async (w) => w.id)).resolves.toBe(3);
    await pool.terminate();
  });
});

describe('mergeSides', () => {
  const td1 = ['C<ITACA12136ZM4<<<<<<<<<<<<<<<', '8504124M3304123ITA<<<<<<<<<<<4', 'ROSSI<<MARIO<<<<<<<<<<<<<<<<<<'];
  const side = (over: Partial<SideReading>): SideReading & { imageIndex: number; toSource: number[] } => ({
    kind: { documentType: 'CIE', side: 'back' },
    page: { lines: [] },
    mrz: null,
    mrzBox: null,
    mrzAgreeing: 1,
    candidates: {},
    fiscalCodeConflicts: [],
    imageIndex: 0,
    toSource: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    ...over,
  });
  const viz = (value: string) => ({ value, source: 'viz' as const, confidence: 0.9, box: { x: 1, y: 1, width: 5, height: 5 } });

  it('the MRZ wins over a misread printed date, and the clerk is told', () => {
    const { reading } = mergeSides([
      side({ mrz: readMrz(td1, { today: '2026-11-23' }), mrzBox: { x: 0, y: 60, width: 100, height: 30 } }),
      side({ kind: { documentType: 'CIE', side: 'front' }, candidates: { birthDate: viz('1985-04-17'), surname: viz('ROSSI'), givenNames: viz('MARIO') } }),
    ]);
    expect(reading.fields.birthDate).toBe('1985-04-12');
    expect(reading.fieldSources.birthDate).toBe('mrz');
    expect(reading.warnings.map((w) => w.code)).toContain('printedDiffersFromMrz');
    // Printed names confirmed by the MRZ keep their printed spelling, at full confidence.
    expect(reading.fieldSources.surname).toBe('viz');
    expect(reading.confidence.surname).toBe(1);
  });

  it('a field nobody read stays null', () => {
    const { reading } = mergeSides([side({ kind: { documentType: 'CIE', side: 'front' }, candidates: { surname: viz('ROSSI') } })]);
    expect(reading.fields.birthDate).toBeNull();
    expect(reading.fieldSources.birthDate).toBeUndefined();
    expect(reading.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['mrzUnreadable', 'sideMissing']));
  });

  it('barcode and printed codice fiscale disagreeing: the barcode is used and the clerk warned', () => {
    const { reading } = mergeSides([side({ candidates: { fiscalCode: { value: 'RSSMRA85D12H501L', source: 'barcode', confidence: 1, box: null } }, fiscalCodeConflicts: [{ barcode: 'RSSMRA85D12H501L', printed: 'RSSMRA85D12H50ML' }] })]);
    expect(reading.fields.fiscalCode).toBe('RSSMRA85D12H501L');
    expect(reading.warnings.find((w) => w.code === 'fiscalCodeConflict')?.message).toMatch(/codice a barre/);
  });

  it('an MRZ whose every check digit holds confirms its dates and number; its names only with the printed ones', () => {
    const { reading } = mergeSides([side({ mrz: readMrz(td1, { today: '2026-11-23' }) }), side({ kind: { documentType: 'CIE', side: 'front' }, candidates: { surname: viz('ROSSI') } })]);
    expect(reading.confirmedBy).toMatchObject({ documentNumber: 'check-digits', birthDate: 'check-digits', expiryDate: 'check-digits', surname: 'two-sources' });
    // No check digit covers the given names, sex or nationality, and nothing printed was read for them.
    expect(reading.confirmedBy?.givenNames).toBeUndefined();
    expect(reading.confirmedBy?.sex).toBeUndefined();
    expect(reading.confidence.givenNames).toBeLessThan(0.9);
    expect(reading.confidence.birthDate).toBe(1);
  });

  it('a composite check digit that fails leaves every MRZ value unconfirmed, below 0.9', () => {
    const broken = [td1[0], `${td1[1].slice(0, 29)}9`, td1[2]];
    const { reading } = mergeSides([side({ mrz: readMrz(broken, { today: '2026-11-23' }) })]);
    expect(reading.fields.birthDate).toBe('1985-04-12');
    expect(reading.confirmedBy?.birthDate).toBeUndefined();
    expect(reading.confidence.birthDate).toBeLessThan(0.9);
  });

  it('characters chosen by the check digits confirm only when a second reading gave the same lines', () => {
    const misread = [td1[0].replace('CA12136ZM', 'CA12I36ZM').replace('C<ITA', 'C<ITA'), td1[1], td1[2]];
    const mrz = readMrz([`${misread[0]}<`, misread[1], misread[2]], { today: '2026-11-23' });
    expect(mrz?.guessed).toBe(true);
    expect(mergeSides([side({ mrz, mrzAgreeing: 0 })]).reading.confirmedBy?.documentNumber).toBeUndefined();
    expect(mergeSides([side({ mrz, mrzAgreeing: 2 })]).reading.confirmedBy?.documentNumber).toBe('check-digits');
  });

  it('a printed surname the confirmed codice fiscale rules out is dropped, with both values in the warning', () => {
    const result = mergeSides([
      side({ candidates: { fiscalCode: { value: 'DSTMRC80A01F205A', source: 'barcode', confidence: 1, box: null } } }),
      side({ kind: { documentType: 'CIE', side: 'front' }, candidates: { surname: viz('MILANO'), givenNames: viz('MARCO') } }),
    ]);
    confirmByFiscalCode(result, null, '2026-11-23');
    expect(result.reading.fields.surname).toBeNull();
    expect(result.reading.warnings.find((w) => w.code === 'refutedByFiscalCode')?.message).toMatch(/MILANO.*DSTMRC80A01F205A/);
    expect(result.reading.confirmedBy?.givenNames).toBe('fiscal-code');
  });

  it('a birth year whose century both ways gives a living person stays unconfirmed without a printed date', () => {
    const young = ['C<ITACA12136ZM4<<<<<<<<<<<<<<<', '2004127M3304123ITA<<<<<<<<<<<0', 'ROSSI<<MARIO<<<<<<<<<<<<<<<<<<'];
    const mrz = readMrz(young, { today: '2026-11-23' });
    expect(mrz?.birthCenturyInferred).toBe(true);
    expect(mrz?.allChecksValid).toBe(true);
    expect(mergeSides([side({ mrz })]).reading.confirmedBy?.birthDate).toBeUndefined();
    const printed = mergeSides([side({ mrz }), side({ kind: { documentType: 'CIE', side: 'front' }, candidates: { birthDate: viz('2020-04-12') } })]);
    expect(printed.reading.confirmedBy?.birthDate).toBe('two-sources');
  });

  it('another state\'s identity card is typed from its MRZ, never a paper ID', () => {
    const polish = ['I<POLABC1234560<<<<<<<<<<<<<<<', '8101028M2503022POL810102001317', 'KOWALSKI<<JAN<<<<<<<<<<<<<<<<<'];
    const mrz = readMrz(polish, { today: '2026-11-23' });
    expect(mrz?.documentType).toBe('FOREIGN_ID');
    const { reading } = mergeSides([side({ kind: { documentType: 'FOREIGN_ID', side: 'back' }, mrz })]);
    expect(reading.documentType).toBe('FOREIGN_ID');
    expect(reading.fields.documentNumber).toBe('ABC123456');
  });

  it('no side recognised: UNKNOWN and unreadable', () => {
    const { reading } = mergeSides([side({ kind: { documentType: 'UNKNOWN', side: 'single' } })]);
    expect(reading.documentType).toBe('UNKNOWN');
    expect(reading.warnings.map((w) => w.code)).toEqual(['unreadable']);
  });
});

describe('both card sides in one image cut to the cards', () => {
  const card = (width: number, height: number): GrayRaster => ({ width, height, data: new Uint8Array(width * height).fill(200) });

  it('one above the other (the 640 × 831 facsimile shape): two sides, top and bottom', () => {
    const located = locateDocuments(card(640, 812));
    expect(located).toHaveLength(2);
    expect(located.map((l) => Math.round(l.rect.cy))).toEqual([203, 609]);
    expect(located.every((l) => !l.wholeImage && Math.abs(l.rect.width / l.rect.height - 1.58) < 0.05)).toBe(true);
  });

  it('side by side: two sides, left and right', () => {
    expect(locateDocuments(card(1270, 400)).map((l) => Math.round(l.rect.cx))).toEqual([318, 953]);
  });

  it('one card filling the image stays one', () => {
    expect(locateDocuments(card(856, 540))).toHaveLength(1);
  });
});
