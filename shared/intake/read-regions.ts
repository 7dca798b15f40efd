/**
 * Where on the case's scans each value was read: the evidence boxes of a reading, tied to the
 * attachment and page they were found on, so the check can show the clerk the very pixels.
 */
import { FORM_FIELD_NAMES, type FormFieldName } from '../case/form-fields';
import type { Box } from '../document-reading/raster';
import type { FieldEvidence } from '../document-reading/read-id-document';
import type { FormFieldReading } from '../document-reading/form-reading';
import type { CheckReasonField, IdDocumentField } from '../identity/types';

/** One decoded page as the reader saw it: which input file, which page of it, its pixel size. */
export interface PageOrigin {
  file: number;
  /** 1-based. */
  page: number;
  width: number;
  height: number;
}

export interface ScanRegion {
  attachmentId: string;
  /** 1-based page of the attachment (1 for an image). */
  page: number;
  /** In pixels of the page as read (imageWidth × imageHeight): a PDF page is read at 300 dpi. */
  box: Box;
  imageWidth: number;
  imageHeight: number;
}

export interface ReadRegions {
  document: Partial<Record<IdDocumentField, ScanRegion>>;
  form: Partial<Record<FormFieldName, ScanRegion>>;
}

export const NO_REGIONS: ReadRegions = { document: {}, form: {} };

function regionOn(origin: PageOrigin | undefined, attachmentIds: readonly string[], box: Box | null): ScanRegion | null {
  if (!origin || !box || box.width <= 0 || box.height <= 0) return null;
  const attachmentId = attachmentIds[origin.file];
  return attachmentId ? { attachmentId, page: origin.page, box, imageWidth: origin.width, imageHeight: origin.height } : null;
}

/** ID values: evidence image indexes are positions in the decoded pages. */
export function documentRegions(evidence: Partial<Record<IdDocumentField, FieldEvidence>>, pages: readonly PageOrigin[], attachmentIds: readonly string[]): ReadRegions['document'] {
  const regions: ReadRegions['document'] = {};
  for (const [field, found] of Object.entries(evidence) as Array<[IdDocumentField, FieldEvidence]>) {
    const region = regionOn(pages[found.imageIndex], attachmentIds, found.box);
    if (region) regions[field] = region;
  }
  return regions;
}

/**
 * Form values: a field's page is 1-based in the decoded pages of the form's files. Only the case's
 * form fields: a template may read more (the profile's tick boxes), which have no field to show.
 */
export function formRegions(fields: Partial<Record<FormFieldName, Pick<FormFieldReading, 'page' | 'box'>>>, pages: readonly PageOrigin[], attachmentIds: readonly string[]): ReadRegions['form'] {
  const regions: ReadRegions['form'] = {};
  for (const [field, found] of Object.entries(fields) as Array<[FormFieldName, Pick<FormFieldReading, 'page' | 'box'>]>) {
    if (!(FORM_FIELD_NAMES as readonly string[]).includes(field)) continue;
    const region = regionOn(pages[found.page - 1], attachmentIds, found.box);
    if (region) regions[field] = region;
  }
  return regions;
}

/** The form fields a compared value comes from, in the order the check reads them. */
const FORM_FIELDS_OF: Partial<Record<CheckReasonField, FormFieldName[]>> = {
  surname: ['cognome'],
  givenNames: ['nome'],
  sex: ['sesso'],
  birthDate: ['data_nascita'],
  birthPlace: ['stato_estero_nascita', 'comune_nascita'],
  fiscalCode: ['codice_fiscale'],
  documentNumber: ['documento_numero'],
  issueDate: ['documento_data_rilascio'],
  expiryDate: ['documento_data_scadenza'],
};

/** The region of the form value a check reason compares, when it was read (never for typed values). */
export function formRegionFor(field: CheckReasonField, regions: ReadRegions['form'], typedByClerk: (field: FormFieldName) => boolean): ScanRegion | null {
  for (const name of FORM_FIELDS_OF[field] ?? []) {
    if (regions[name] && !typedByClerk(name)) return regions[name];
  }
  return null;
}

/** The part of the page to show for a box: the box with a margin around it, inside the page. */
export function regionView(region: Pick<ScanRegion, 'box' | 'imageWidth' | 'imageHeight'>, margin = 0.25): Box {
  const { box } = region;
  const pad = Math.max(box.height * margin * 2, 8);
  const x = Math.max(0, Math.floor(box.x - pad));
  const y = Math.max(0, Math.floor(box.y - pad));
  const right = Math.min(region.imageWidth, Math.ceil(box.x + box.width + pad));
  const bottom = Math.min(region.imageHeight, Math.ceil(box.y + box.height + pad));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}
