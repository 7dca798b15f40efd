import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFormTemplate } from '../../../cli/form-files';
import { decodeImage } from '../../../cli/node-decode';
import { createNodeOcr } from '../../../cli/node-engines';
import { readFormByZones } from '../../../shared/document-reading/form-reading';
import { registerPage } from '../../../shared/document-reading/form-registration';
import { FORM_FIELD_NAMES } from '../../../shared/document-reading/form-template';
import { zoneValue, confirmedFields } from '../../../shared/document-reading/form-values';
import { warpToUpright, type GrayRaster } from '../../../shared/document-reading/raster';
import { CROOKED_DIR, crookedCorpusForms, FORMS_DIR } from '../../corpus/scanned-forms';

const ocr = createNodeOcr(2);
afterAll(() => ocr.pool.terminate());
const template = await loadFormTemplate();
const page = async (file: string) => decodeImage(readFileSync(file), path.basename(file));

/** The page as a scanner would give it: shifted by (dx, dy) mm, scaled, turned by `degrees` about its centre, on a grey bed. */
function crooked(raster: GrayRaster, dxMm: number, dyMm: number, scale: number, degrees: number, dpi: number): GrayRaster {
  const a = (degrees * Math.PI) / 180;
  const [cx, cy] = [raster.width / 2, raster.height / 2];
  const [cos, sin] = [Math.cos(a) / scale, Math.sin(a) / scale];
  const [tx, ty] = [(dxMm * dpi) / 25.4, (dyMm * dpi) / 25.4];
  // Output pixel → source pixel: undo the shift, then the rotation and scale about the centre.
  const toSource = [cos, sin, cx - cos * (cx + tx) - sin * (cy + ty), -sin, cos, cy + sin * (cx + tx) - cos * (cy + ty), 0, 0, 1];
  const out = warpToUpright(raster, toSource, raster.width, raster.height);
  // Where the sheet does not reach, the scanner's lid shows grey.
  const inverse = { a: Math.cos(a) * scale, b: -Math.sin(a) * scale };
  for (let y = 0; y < out.height; y += 1) {
    for (let x = 0; x < out.width; x += 1) {
      const u = x + 0.5 - cx - tx;
      const v = y + 0.5 - cy - ty;
      const sx = (inverse.a * u - inverse.b * v) / (scale * scale) + cx;
      const sy = (inverse.b * u + inverse.a * v) / (scale * scale) + cy;
      if (sx < 0 || sy < 0 || sx >= raster.width || sy >= raster.height) out.data[y * out.width + x] = 150;
    }
  }
  return out;
}

describe('registering a scanned form page to its template', () => {
  it.each(crookedCorpusForms('dev').flatMap((f) => f.files.map((file, i) => [file, i + 1, f.scans[i]] as const)))('%s: scale and rotation as scanned', async (file, pageNumber, scan) => {
    const registration = registerPage(await page(path.join(CROOKED_DIR, file)), template, pageNumber);
    expect(registration).not.toBeNull();
    expect(registration!.framesFound).toBe(registration!.framesExpected);
    expect(registration!.scale / ((scan.dpi / 72) * scan.scale)).toBeCloseTo(1, 2);
    // ImageMagick turns clockwise for a positive angle; the map's rotation is atan2(m10, m00).
    const m = registration!.toPage;
    expect((Math.atan2(m[3], m[0]) * 180) / Math.PI).toBeCloseTo(scan.angle, 1);
    expect(registration!.residual).toBeLessThan(0.5);
  });

  it('a blank page, a page of something else, and the other page of the form are not registered', async () => {
    const blank = { width: 1654, height: 2339, data: new Uint8Array(1654 * 2339).fill(245) };
    expect(registerPage(blank, template, 1)).toBeNull();
    const card = await page(path.resolve('tests/corpus/images/cie-01-front.jpg'));
    expect(registerPage(card, template, 1)).toBeNull();
    const [p1, p2] = await Promise.all(['printed-dangelo-signed-p1.jpg', 'printed-dangelo-signed-p2.jpg'].map((f) => page(path.join(FORMS_DIR, f))));
    expect(registerPage(p2, template, 1)).toBeNull();
    expect(registerPage(p1, template, 2)).toBeNull();
  });
});

describe('reading a registered form', { timeout: 180_000 }, () => {
  it('a scan shifted by 5 mm, scaled 97.5 % and turned 1.5° reads as the aligned scan does', async () => {
    const files = ['printed-dangelo-signed-p1.jpg', 'printed-dangelo-signed-p2.jpg'].map((f) => path.join(FORMS_DIR, f));
    const aligned = await Promise.all(files.map(page));
    const moved = aligned.map((p, i) => crooked(p, i === 0 ? 5 : -4, i === 0 ? 4 : 6, 0.975, i === 0 ? 1.5 : -1.2, 200));
    const [straight, shifted] = await Promise.all([readFormByZones(aligned, template, ocr), readFormByZones(moved, template, ocr)]);
    const values = (r: typeof straight) => Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v.value]));
    expect(Object.keys(straight.fields).length).toBeGreaterThan(20);
    expect(values(shifted)).toEqual(values(straight));
    expect(shifted.signature.signed).toBe(true);
    expect(shifted.warnings).toEqual([]);
  });

  it.each(crookedCorpusForms('dev').map((f) => [f.id, f] as const))('dev %s (printed, scanned crooked): typed values exact, profile read, nothing taken for handwriting', async (_id, form) => {
    const reading = await readFormByZones(await Promise.all(form.files.map((f) => page(path.join(CROOKED_DIR, f)))), template, ocr);
    const filled = FORM_FIELD_NAMES.filter((n) => n !== 'tipo_profilo' && form.values[n]);
    const exact = filled.filter((n) => reading.fields[n]?.value === form.values[n]);
    const wrong = filled.filter((n) => reading.fields[n] && reading.fields[n]?.value !== form.values[n]);
    expect(wrong.filter((n) => reading.fields[n]!.confidence >= 0.9)).toEqual([]);
    expect(exact.length / filled.length).toBeGreaterThanOrEqual(0.9);
    expect(filled.filter((n) => reading.fields[n]?.writing === 'handwritten')).toEqual([]);
    expect(reading.fields.tipo_profilo?.value ?? null).toBe(form.profile);
    // Only what the codice fiscale vouches for is shown as sure; the rest is for the clerk to check.
    expect(filled.filter((n) => (reading.fields[n]?.confidence ?? 0) >= 0.9).sort()).toEqual(['codice_fiscale', 'data_nascita', 'sesso'].filter((n) => reading.fields[n as 'sesso']));
  });

  it.each(crookedCorpusForms('test').map((f) => [f.id, f] as const))('test %s: every page registered, no wrong value shown as sure', async (_id, form) => {
    const reading = await readFormByZones(await Promise.all(form.files.map((f) => page(path.join(CROOKED_DIR, f)))), template, ocr);
    expect(reading.warnings.filter((w) => w.code === 'formNotRegistered')).toEqual([]);
    const sureWrong = Object.entries(reading.fields).filter(([name, f]) => name !== 'tipo_profilo' && f.confidence >= 0.9 && f.value !== form.values[name]);
    expect(sureWrong).toEqual([]);
  });

  it('blank pages and a page of something else give no values, only the warning', async () => {
    const blank = { width: 1654, height: 2339, data: new Uint8Array(1654 * 2339).fill(245) };
    const card = await page(path.resolve('tests/corpus/images/cie-01-front.jpg'));
    for (const pages of [[blank, blank], [card]]) {
      const reading = await readFormByZones(pages, template, ocr);
      expect(reading.fields).toEqual({});
      expect(reading.signature.signed).toBe(false);
      expect(reading.warnings.map((w) => w.code)).toEqual(['formNotRegistered']);
      expect(reading.warnings[0].message).toMatch(/^Una pagina del modulo non è stata riconosciuta/);
    }
  });
});

describe('values of a scanned zone', () => {
  it.each([
    ['data_nascita', '20/05/1995', '20/05/1995'],
    ['data_nascita', '2O/05/1995', '20/05/1995'],
    ['data_nascita', '31/02/1995', null],
    ['documento_data_scadenza', '3/11/2036 |', null],
    ['luogo_data', '| ROMA, 02/12/2026', null],
    ['luogo_data', 'ROMA, 02/12/2026', 'ROMA, 02/12/2026'],
    ['struttura_denominazione', 'OSPEDALE CIVILE DI MODENA |', null],
    ['pec', 'orenzo.caruso@pec.omceo.it', 'orenzo.caruso@pec.omceo.it'],
    ['pec', 'lorenzo.caruso@pec', null],
    ['cap_residenza', '0O100', '00100'],
    ['sesso', 'To', null],
    ['provincia_nascita', 'CT', 'CT'],
    ['codice_fiscale', 'FRRCHR95E60D612K', 'FRRCHR95E60D612K'],
    ['codice_fiscale', 'FRRCHR95E60D612J', null],
  ] as const)('%s %j → %j', (name, text, value) => {
    expect(zoneValue(name, text)).toBe(value);
  });

  it('confirms only the codice fiscale, and the birth date and sex it encodes', () => {
    const values = { codice_fiscale: 'FRRCHR95E60D612K', sesso: 'F', data_nascita: '20/05/1995', cognome: 'FERRARI' } as const;
    expect([...confirmedFields(values)].sort()).toEqual(['codice_fiscale', 'data_nascita', 'sesso']);
    expect([...confirmedFields({ ...values, sesso: 'M', data_nascita: '21/05/1995' })]).toEqual(['codice_fiscale']);
    expect([...confirmedFields({ cognome: 'FERRARI', sesso: 'F' })]).toEqual([]);
  });
});
