import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = path.resolve('cli/inail-intake.mjs');
const image = (f: string) => path.resolve('tests/corpus/images', f);

async function intake(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each case starts the CLI as office IT would (tsx transpiles on start): slow on a loaded machine.
describe('inail-intake', { timeout: 90_000 }, () => {
  it('extract prints the contract JSON', async () => {
    const { code, stdout } = await intake('extract', image('licence-01.jpg'));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['documentType', 'fields', 'fieldSources', 'confidence', 'warnings']);
    expect(out.documentType).toBe('DRIVING_LICENCE');
    expect(out.fields.sex).toBeNull();
  });

  it('verify reports each mismatch with both values and an Italian sentence, exit 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-'));
    const form = path.join(dir, 'form.json');
    writeFileSync(form, JSON.stringify({ surname: 'ROSSI', givenNames: 'MARIA', birthDate: '1985-04-12', sex: 'M', birthPlace: 'ROMA', birthProvince: 'RM', fiscalCode: 'RSSMRA85D12H501L' }));
    const { code, stdout } = await intake('verify', '--today', '2026-11-23', '--form', form, image('cie-01-front.jpg'), image('cie-01-back.jpg'));
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.outcome).toBe('mismatch');
    expect(out.reasons).toContainEqual(expect.objectContaining({ field: 'givenNames', formValue: 'MARIA', documentValue: 'MARIO', message: expect.stringMatching(/nome/i) }));
    expect(out.document.documentType).toBe('CIE');
  });

  it.each([
    ['empty.png', /vuoto/],
    ['encrypted.pdf', /password/],
  ])('bad input %s: Italian message on stderr, non-zero exit, nothing on stdout', async (file, message) => {
    const { code, stdout, stderr } = await intake('extract', path.resolve('tests/corpus/bad', file));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('an ID scanned as TIFF reads exactly like the same pixels as PNG', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'intake-tiff-'));
    const tiffs = ['cie-01-front.tif', 'cie-01-back.tif'].map((f) => path.resolve('tests/corpus/tiff', f));
    const pngs = await Promise.all(tiffs.map(async (file) => {
      const png = path.join(dir, path.basename(file).replace('.tif', '.png'));
      await sharp(file).png().toFile(png);
      return png;
    }));
    const fromTiff = await intake('extract', ...tiffs);
    expect(fromTiff.code).toBe(0);
    expect(JSON.parse(fromTiff.stdout).documentType).toBe('CIE');
    expect(fromTiff.stdout).toBe((await intake('extract', ...pngs)).stdout);
  });

  it('usage errors are in Italian', async () => {
    const { code, stderr } = await intake('extract');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Nessun file indicato/);
  });
});
