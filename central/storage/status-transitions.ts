import type { CaseStatus } from '../../shared/central-api/cases';

const allowed: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['in_review', 'approved', 'refused'],
  in_review: ['approved', 'refused'],
  // Final: the applicant has been told; a new decision needs a new case.
  approved: [],
  refused: [],
};

export function canChangeStatus(from: CaseStatus, to: CaseStatus): boolean {
  return allowed[from].includes(to);
}
