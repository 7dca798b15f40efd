/**
 * Whether the ID document itself can be accepted today, whatever the form says.
 */
import { isIsoDate } from './dates';
import { makeReason } from './reasons';
import type { CheckReason, DocumentSide, DocumentType, IdDocumentReading } from './types';

/** Paper identity cards stopped being valid on this day (Reg. (EU) 2019/1157; Ministry of the Interior circ. 76/2025). */
export const PAPER_ID_INVALID_FROM = '2026-08-03';

/** Card documents whose copy must show both sides; a passport's data page is one side. */
const SIDES_REQUIRED: Partial<Record<DocumentType, DocumentSide[]>> = {
  CIE: ['front', 'back'],
  FOREIGN_ID: ['back'],
  DRIVING_LICENCE: ['front', 'back'],
  PAPER_ID: ['front', 'back'],
  PASSPORT: ['front'],
};

/**
 * Reasons the document is not acceptable on `today` (YYYY-MM-DD): not an identity document, paper
 * ID after its end date, expired, a side missing, expiry unreadable, document not recognised.
 * Empty when the document is acceptable.
 */
export function assessDocumentValidity(reading: IdDocumentReading, today: string): CheckReason[] {
  const reasons: CheckReason[] = [];
  const type = reading.documentType;
  if (type === 'UNKNOWN') return [makeReason({ code: 'DOCUMENT_UNREADABLE', field: 'document' })];
  if (type === 'HEALTH_CARD') reasons.push(makeReason({ code: 'DOCUMENT_NOT_IDENTITY', field: 'document' }));
  const paperRefused = type === 'PAPER_ID' && today >= PAPER_ID_INVALID_FROM;
  if (paperRefused) reasons.push(makeReason({ code: 'DOCUMENT_NOT_ACCEPTED_PAPER_ID', field: 'document', documentValue: reading.fields.expiryDate }));
  // Once the document is refused for what it is, its expiry no longer matters.
  if (reasons.length === 0) {
    const expiry = reading.fields.expiryDate;
    if (expiry === null || !isIsoDate(expiry)) reasons.push(makeReason({ code: 'FIELD_UNREADABLE', field: 'expiryDate' }));
    // Whether the document is still valid rests on this date: a misread one must not decide it.
    else if (reading.fieldSources.expiryDate !== 'clerk' && !reading.confirmedBy?.expiryDate) reasons.push(makeReason({ code: 'FIELD_UNCONFIRMED', field: 'expiryDate', documentValue: expiry }));
    // A document is valid through its expiry day.
    else if (expiry < today) reasons.push(makeReason({ code: 'DOCUMENT_EXPIRED', field: 'expiryDate', documentValue: expiry }));
  }
  for (const side of SIDES_REQUIRED[type] ?? []) {
    if (!reading.sidesSeen.includes(side)) reasons.push(makeReason({ code: 'DOCUMENT_SIDE_MISSING', field: 'document', side }));
  }
  return reasons;
}
