import type { noticesIt } from './notices-it';

export const noticesEn: Record<keyof typeof noticesIt, string> = {
  'notices.panel.heading': 'Documents for the applicant',
  'notices.action.receipt': 'Print receipt',
  'notices.action.refusalNotice': 'Print refusal notice',
  'notices.action.email': 'Prepare e-mail/PEC',
  'notices.status.working': 'Preparing the document…',
  'notices.status.pdfOpened': 'Document opened in the PDF viewer: print it from there.',
  'notices.status.pdfDownloaded': 'Document saved as {fileName}: open it and print it.',
  'notices.status.draftOpened': 'E-mail draft opened in the mail program, addressed to {recipient}. Check it and send it from there.',
  'notices.status.draftSaved': 'E-mail draft saved in {path}, addressed to {recipient}: open it with the mail program.',
  'notices.stored': 'The refusal notice is kept in the case (encrypted, {size} kB, issued on {date}) and is sent with it to the central service; every reprint is identical.',
  'notices.refusalNotice.notRefused': 'The refusal notice is only available for a refused application.',
  'notices.warning.reasonWithoutTemplate': 'Reason “{code}” has no predefined text: a generic sentence was written in the notice. Check it before handing it over.',
  'notices.warning.officeNotSet': 'Office name or address not set: the notice letterhead is incomplete. Complete them in Settings.',
  'notices.warning.noRecipient': 'The applicant gave neither an e-mail address nor a PEC: the e-mail cannot be prepared. Print the notice and hand it over.',
  'notices.warning.pecMalformed': 'The PEC address on the form (“{address}”) is not valid.',
  'notices.warning.emailMalformed': 'The e-mail address on the form (“{address}”) is not valid.',
  'notices.error.generation': 'The document could not be generated. The case data are intact: try again.',
  'notices.error.draftOpen': 'The file was written but could not be opened with the default program.',
  'notices.error.draftInvalid': 'Invalid document file: nothing was written.',
};
