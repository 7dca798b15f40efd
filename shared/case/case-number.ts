import type { CaseNumber } from './case';

/** Who numbers a case: the office and, when the office has several workstations, this one's code. */
export interface CaseNumbering {
  officeCode: string;
  workstationCode: string;
}

/** RM01-20261123-0007, or RM01-P2-20261123-0007: readable over the counter and unique per office and day. */
export function formatCaseNumber(numbering: CaseNumbering, day: Date, sequence: number): CaseNumber {
  const office = numbering.officeCode.trim() === '' ? 'SEDE' : numbering.officeCode;
  const workstation = numbering.workstationCode === '' ? '' : `-${numbering.workstationCode}`;
  const yyyy = day.getFullYear();
  const mm = String(day.getMonth() + 1).padStart(2, '0');
  const dd = String(day.getDate()).padStart(2, '0');
  return `${office}${workstation}-${yyyy}${mm}${dd}-${String(sequence).padStart(4, '0')}`;
}

/** The prefix shared by every case number of that workstation and day, to find the last sequence used. */
export function caseNumberDayPrefix(numbering: CaseNumbering, day: Date): string {
  return formatCaseNumber(numbering, day, 0).replace(/0000$/, '');
}
