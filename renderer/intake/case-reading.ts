import type { AttachmentMeta } from '../../shared/case/case';
import { DocumentInputError } from '../../shared/document-reading/input-file';
import { parseFormTemplate } from '../../shared/document-reading/form-template';
import type { FormReading } from '../../shared/document-reading/form-reading';
import type { IdDocumentReading } from '../../shared/identity/types';
import { documentRegions, formRegions, type ReadRegions } from '../../shared/intake/read-regions';
import templateJson from '../../resources/forms/modulo-abilitazione-facsimile.template.json';
import { ReadingStoppedError, sessionDocumentReader as documentReader, type DocumentFile } from '../ocr/document-reader';

const formTemplate = parseFormTemplate(templateJson);

export interface CaseReading {
  document: IdDocumentReading | null;
  form: FormReading | null;
  /** Where each read value is on the scans. */
  regions: ReadRegions;
  /** Italian sentences for files that could not be read; nothing is guessed for them. */
  problems: string[];
}

/** Which scans a reading was made from: a reading is redone only when this changes. */
export function readingKey(attachments: readonly AttachmentMeta[]): string {
  return attachments.map((a) => `${a.role}:${a.sha256}`).sort().join('|');
}

async function filesOf(attachments: readonly AttachmentMeta[], readBlob: (id: string) => Promise<Blob>): Promise<DocumentFile[]> {
  return Promise.all(attachments.map(async (a, i) => ({ name: `${a.role}-${i + 1}`, bytes: new Uint8Array(await (await readBlob(a.id)).arrayBuffer()) })));
}

function problemOf(error: unknown): string {
  return error instanceof DocumentInputError || error instanceof ReadingStoppedError ? error.message : 'La lettura automatica non è riuscita: inserire i dati a mano.';
}

/**
 * Reads the ID (both sides, in any order) and the form of a case once; the results are stored
 * with the case, so no later step decodes or OCRs the same scans again.
 */
export async function readCaseDocuments(attachments: readonly AttachmentMeta[], readBlob: (id: string) => Promise<Blob>, today: string): Promise<CaseReading> {
  const problems: string[] = [];
  const idScans = attachments.filter((a) => (a.role === 'documento-fronte' || a.role === 'documento-retro') && a.purgedAt === null);
  const formScans = attachments.filter((a) => a.role === 'modulo' && a.purgedAt === null);
  const regions: ReadRegions = { document: {}, form: {} };
  const [document, form] = await Promise.all([
    idScans.length === 0
      ? null
      : filesOf(idScans, readBlob)
          .then((files) => documentReader().read(files, today))
          .then(({ reading, evidence, pages }) => {
            regions.document = documentRegions(evidence, pages, idScans.map((a) => a.id));
            return reading;
          })
          .catch((error: unknown) => (problems.push(problemOf(error)), null)),
    formScans.length === 0
      ? null
      : filesOf(formScans, readBlob)
          .then((files) => documentReader().readForm(files, formTemplate))
          .then(({ pages, ...reading }) => {
            regions.form = formRegions(reading.fields, pages, formScans.map((a) => a.id));
            return reading;
          })
          .catch((error: unknown) => (problems.push(problemOf(error)), null)),
  ]);
  return { document, form, regions, problems };
}
