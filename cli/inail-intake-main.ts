/**
 * `inail-intake`: the app's document reading on the command line, for batch checks and office IT.
 *   inail-intake extract <file>...
 *   inail-intake verify --form form.json [--today YYYY-MM-DD] <file>...
 * Output on stdout (JSON), exit 0 for any outcome; bad input: Italian message on stderr, exit 2.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DocumentInputError } from '../shared/document-reading/input-file';
import { isIsoDate, todayIso } from '../shared/identity/dates';
import type { FormIdentity, IdDocumentReading } from '../shared/identity/types';
import { readDocumentFiles } from './document-files';
import { createNodeBarcodeReader, createNodeOcr } from './node-engines';
import { FormFileError, parseFormJson, verifyAgainstForm } from './verify';

const USAGE = `Uso:
  inail-intake extract <file>...
  inail-intake verify --form form.json [--today AAAA-MM-GG] <file>...`;

class UsageError extends Error {}

export function extractOutput(reading: IdDocumentReading) {
  return { documentType: reading.documentType, fields: reading.fields, fieldSources: reading.fieldSources, confidence: reading.confidence, warnings: reading.warnings };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'extract' && command !== 'verify') throw new UsageError(USAGE);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { form: { type: 'string' }, today: { type: 'string' } } });
  if (positionals.length === 0) throw new UsageError(`Nessun file indicato.\n${USAGE}`);
  const today = values.today ?? todayIso();
  if (!isIsoDate(today)) throw new UsageError(`Data non valida per --today: «${today}» (formato AAAA-MM-GG).`);
  let form: FormIdentity | null = null;
  if (command === 'verify') {
    if (!values.form) throw new UsageError(`Manca --form form.json.\n${USAGE}`);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.form, 'utf8'));
    } catch {
      throw new FormFileError(`Il file del modulo «${values.form}» non esiste o non è JSON valido.`);
    }
    form = parseFormJson(json);
  }
  const ocr = createNodeOcr();
  try {
    const { reading } = await readDocumentFiles(positionals, { ocr, barcodes: createNodeBarcodeReader(), today });
    const document = extractOutput(reading);
    const output = form === null ? document : { ...(await verifyAgainstForm(form, reading, today)), document };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } finally {
    await ocr.pool.terminate();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DocumentInputError || error instanceof UsageError || error instanceof FormFileError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`Errore imprevisto durante la lettura del documento: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 64 : 2);
  },
);
