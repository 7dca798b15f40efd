import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLog } from '../../../electron/main/logging/rotating-log';
import { nodeLogFileSystem } from '../../../electron/main/node-files';

function tempLog() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-log-'));
  return { dir, file: path.join(dir, 'logs', 'sportello.log') };
}

describe('rotating log', () => {
  it('never writes a codice fiscale, a name, an e-mail or a birth date', () => {
    const { file } = tempLog();
    const log = createRotatingLog({ file, maxBytes: 100_000, maxFiles: 3, fs: nodeLogFileSystem() });
    log.write({
      level: 'warn',
      event: 'ocr.fieldCorrected',
      context: {
        caseId: 'c-1',
        surname: 'Giuseppina Dell’Acqua',
        fiscalCode: 'DLLGPP80A41H501U',
        field: 'codice_fiscale RSSMRA85D12H501Z',
        reason: 'mario.rossi@pec.it nato il 12/04/1985',
        count: 3,
      },
    });
    const text = fs.readFileSync(file, 'utf8');
    for (const personal of ['Giuseppina', 'Acqua', 'DLLGPP80A41H501U', 'RSSMRA85D12H501Z', 'mario.rossi', '12/04/1985']) {
      expect(text).not.toContain(personal);
    }
    const entry = JSON.parse(text.trim());
    expect(entry).toMatchObject({ level: 'warn', event: 'ocr.fieldCorrected', context: { caseId: 'c-1', count: 3, surname: '[redatto]' } });
  });

  it('rotates by size and keeps at most maxFiles old files', () => {
    const { file } = tempLog();
    const log = createRotatingLog({ file, maxBytes: 300, maxFiles: 2, fs: nodeLogFileSystem() });
    for (let i = 0; i < 40; i++) log.write({ level: 'info', event: 'sync.tick', context: { count: i } });
    const names = fs.readdirSync(path.dirname(file)).sort();
    expect(names).toEqual(['sportello.log', 'sportello.log.1', 'sportello.log.2']);
    for (const name of names) expect(fs.statSync(path.join(path.dirname(file), name)).size).toBeLessThanOrEqual(300);
    expect(fs.readFileSync(file, 'utf8')).toContain('"count":39');
  });
});
