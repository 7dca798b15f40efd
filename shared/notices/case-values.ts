import type { ScanRole, CaseRecord } from '../case/case';
import type { Settings } from '../settings/settings';
import { formatDate } from '../i18n/translate';
import type { ListItem } from './document-template';
import { fillTemplate } from './template';
import type { DocumentLabels } from './templates';
import type { NoticeWarning } from './warnings';

export type OfficeSettings = Pick<Settings, 'officeName' | 'officeAddress' | 'officeCode'>;

export interface CaseValues {
  values: Record<string, string>;
  warnings: NoticeWarning[];
}

/**
 * The placeholder values every applicant document shares; `now` dates only a case not yet decided. Nothing is left empty: a value the form
 * does not have reads "non indicato", so a printed document never shows a blank that looks like an
 * omission by the office.
 */
export function caseValues(record: CaseRecord, office: OfficeSettings, labels: DocumentLabels, now: Date): CaseValues {
  const form = (name: keyof CaseRecord['form']): string => record.form[name]?.value.trim() ?? '';
  const orMissing = (value: string): string => (value === '' ? labels.notProvided : value);
  const applicant = [form('cognome').toUpperCase(), form('nome')].filter((part) => part !== '').join(' ');
  const officeName = office.officeName.trim() || labels.officeMissing;
  const warnings: NoticeWarning[] =
    office.officeName.trim() === '' || office.officeAddress.trim() === ''
      ? [{ code: 'office-not-set', messageKey: 'notices.warning.officeNotSet', params: {} }]
      : [];
  return {
    values: {
      numeroPratica: record.number,
      // The decision's date, not the printing date: a reprint is the same document as the first print.
      data: formatDate(record.decision ? new Date(record.decision.decidedAt) : now),
      dataPresentazione: formatDate(new Date(record.createdAt)),
      nomeSede: officeName,
      indirizzoSede: office.officeAddress.trim(),
      sede: office.officeCode.trim() ? `${officeName} (${office.officeCode.trim()})` : officeName,
      richiedente: orMissing(applicant),
      codiceFiscale: orMissing(form('codice_fiscale').toUpperCase()),
      profilo: record.profile ? labels.profiles[record.profile] : labels.profileMissing,
      note: record.decision?.freeText.trim() ?? '',
    },
    warnings,
  };
}

/** What was received, in a fixed order; the ID line names the document type and number from the form. */
export function receivedItems(record: CaseRecord, received: readonly ScanRole[], labels: DocumentLabels): ListItem[] {
  const roles: ScanRole[] = ['modulo', 'documento-fronte', 'documento-retro'];
  const tipo = record.form.documento_tipo?.value.trim() ?? '';
  const numero = record.form.documento_numero?.value.trim() ?? '';
  const documentDetail = tipo !== '' && numero !== '' ? fillTemplate(labels.documentDetail, { tipo, numero }).text : null;
  return roles
    .filter((role) => received.includes(role))
    .map((role) => ({ text: labels.received[role], details: role !== 'modulo' && documentDetail ? [documentDetail] : [] }));
}
