import type { documentReadingIt } from './document-reading-it';

export const documentReadingEn: Record<keyof typeof documentReadingIt, string> = {
  'documentReading.warning.unreadable': 'Document not readable: no data was recognised. Capture the image again (whole document, well lit, in focus).',
  'documentReading.warning.sideMissing': 'One side of the document is missing: capture the {side} too.',
  'documentReading.warning.mrzUnreadable': 'The machine-readable zone (MRZ) was not read with certainty: the data comes from the printed text and must be checked.',
  'documentReading.warning.mrzNameTruncated': 'The name in the machine-readable zone (MRZ) is truncated and the printed name was not read: check the name and surname.',
  'documentReading.warning.printedDiffersFromMrz': 'The printed field “{field}” ({printed}) differs from the machine-readable zone ({mrz}): the MRZ value is used, check it.',
  'documentReading.warning.fiscalCodeConflict': 'The fiscal code read from the barcode ({barcode}) differs from the printed one ({printed}): the barcode is used, check it.',
  'documentReading.warning.mixedDocuments': 'The images hold different documents: only the identity document ({type}) was read.',
  'documentReading.warning.profileNotTicked': 'No box of the requested profile is ticked on the form: ask the applicant and choose the profile by hand.',
  'documentReading.warning.profileTickedSeveral': 'Several boxes of the requested profile are ticked on the form: ask the applicant and choose the profile by hand.',
  'documentReading.side.front': 'front',
  'documentReading.side.back': 'back',
  'documentReading.error.empty': 'The file “{file}” is empty (0 bytes).',
  'documentReading.error.notAnImage': 'The file “{file}” is neither an image nor a readable PDF (accepted: JPEG, PNG, TIFF, WebP, PDF).',
  'documentReading.error.corrupt': 'The file “{file}” is damaged or incomplete and cannot be read. Capture the document again.',
  'documentReading.error.tooLarge': 'The image “{file}” is too large ({megapixels} megapixels; at most {limit}): it was not opened. Capture at a lower resolution (300 dpi is enough).',
  'documentReading.error.tiffUnsupported': 'The TIFF “{file}” uses a compression or colour model this program cannot read (compression {compression}). Save it from the scanner as uncompressed, LZW or CCITT G4 TIFF, or as PDF.',
  'documentReading.error.pdfPassword': 'The PDF “{file}” is password-protected and cannot be read. Ask for a copy without a password.',
  'documentReading.error.pdfMalformed': 'The PDF “{file}” is damaged and cannot be read.',
  'documentReading.error.unreadableFile': 'The file “{file}” cannot be opened.',
  'documentReading.error.readerStopped': 'Automatic reading stopped: the document-reading program stopped twice. The scans are saved and the case has not changed: type the data, or capture the page again to have it read again.',
};
