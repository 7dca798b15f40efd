import type { CaseNumber } from './case';

/** RM01-20261123-0007: readable over the counter and unique per office and day. */
export function formatCaseNumber(officeCode: string, day: Date, sequence: number): CaseNumber {
  const office = officeCode.trim() === '' ? 'SEDE' : officeCode;
  const yyyy = day.getFullYear();
  const mm = String(day.getMonth() + 1).padStart(2, '0');
  const dd = String(day.getDate()).padStart(2, '0');
  return `${office}-${yyyy}${mm}${dd}-${String(sequence).padStart(4, '0')}`;
}

/** The prefix shared by every case number of that office and day, to find the last sequence used. */
export function caseNumberDayPrefix(officeCode: string, day: Date): string {
  return formatCaseNumber(officeCode, day, 0).replace(/0000$/, '');
}
