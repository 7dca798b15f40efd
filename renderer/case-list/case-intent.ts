import { create } from 'zustand';

export type CaseIntent = { kind: 'open'; caseId: string } | { kind: 'new' };

interface CaseIntentState {
  /** What the clerk asked for from the case list; the intake wizard acts on it and clears it. */
  intent: CaseIntent | null;
  openCase(caseId: string): void;
  startNewCase(): void;
  clear(): void;
}

/**
 * The case list's two ways out (open a case, start a new one), as actions: the list does not know
 * the wizard, and the wizard does not know the list.
 */
export const useCaseIntent = create<CaseIntentState>((set) => ({
  intent: null,
  openCase: (caseId) => set({ intent: { kind: 'open', caseId } }),
  startNewCase: () => set({ intent: { kind: 'new' } }),
  clear: () => set({ intent: null }),
}));
