import type { CaseState } from './case';

/**
 * Allowed moves of the case lifecycle. The store refuses any other, so a UI or outbox bug cannot
 * send a draft, or edit a case the central service already holds.
 */
const TRANSITIONS: Record<CaseState, readonly CaseState[]> = {
  draft: ['ready', 'queued'],
  ready: ['draft', 'queued'],
  queued: ['draft', 'sending'],
  sending: ['queued', 'sent', 'needs-attention'],
  sent: ['acknowledged', 'needs-attention', 'queued'],
  acknowledged: ['refused'],
  refused: [],
  'needs-attention': ['queued', 'draft'],
};

export function canMove(from: CaseState, to: CaseState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Field values and attachments may change only before the case is handed to the outbox. */
export function isEditable(state: CaseState): boolean {
  return state === 'draft' || state === 'ready';
}

/** "A clerk can reopen a case not yet sent" (issue 5): back to draft, decision cleared. */
export function canReopen(state: CaseState): boolean {
  return state === 'ready' || state === 'queued' || state === 'needs-attention';
}
