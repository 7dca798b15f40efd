import { describe, expect, it } from 'vitest';
import { caseSearchTerms, normaliseTerm, queryTerms } from '../../../shared/case/search-terms';
import { canMove, canReopen, isEditable } from '../../../shared/case/state';
import { formatCaseNumber } from '../../../shared/case/case-number';
import { areImagesPurgeable } from '../../../shared/case/retention';
import { CaseNumber, CaseState, Decision } from '../../../shared/case/case';
import { isStorageLow } from '../../../renderer/store/storage-health';

const f = (value: string) => ({ value, source: 'clerk' as const, confidence: 1 });
const DAY = 86_400_000;

describe('case search terms', () => {
  it('normalises accents, case and punctuation', () => {
    expect(normaliseTerm("  D'Àngelo-Nicolò ")).toBe('D ANGELO NICOLO');
  });

  it('indexes name words with prefixes, the whole codice fiscale and the case number', () => {
    const terms = caseSearchTerms('RM01-20261123-0007', { cognome: f('De Luca'), nome: f('Anna'), codice_fiscale: f('dlcnna80a41h501u') });
    expect(terms).toEqual(expect.arrayContaining(['num:RM01-20261123-0007', 'name:DE', 'name:LUC', 'name:LUCA', 'name:ANN', 'name:ANNA', 'cf:DLCNNA80A41H501U']));
    expect(terms).not.toContain('name:LU');
    expect(terms.filter((t) => t.startsWith('cf:'))).toHaveLength(1);
  });

  it.each([
    ['rossi mario', ['name:ROSSI', 'name:MARIO']],
    ['RSSMRA85D12H501Z', ['cf:RSSMRA85D12H501Z']],
    ['RSSMRA85D12H50MZ', ['cf:RSSMRA85D12H50MZ']],
    ['rm01-20261123-0007', ['num:RM01-20261123-0007']],
    ['rm01 p2 20261123 0007', ['num:RM01-P2-20261123-0007']],
    ['ro', []],
  ])('turns the query %j into %j', (query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });
});

describe('case lifecycle', () => {
  it('lets only drafts and ready cases be edited, and reopens only what was not sent', () => {
    expect(CaseState.options.filter(isEditable)).toEqual(['draft', 'ready']);
    expect(CaseState.options.filter(canReopen)).toEqual(['ready', 'queued', 'needs-attention']);
  });

  it.each([
    ['draft', 'queued', true],
    ['queued', 'sending', true],
    ['sending', 'needs-attention', true],
    ['sent', 'acknowledged', true],
    ['acknowledged', 'refused', true],
    ['draft', 'sent', false],
    ['acknowledged', 'queued', false],
    ['refused', 'draft', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it('requires a reason to refuse', () => {
    const base = { reasonCodes: [], freeText: '', clerkId: 'c', decidedAt: 1 };
    expect(Decision.safeParse({ ...base, outcome: 'accept' }).success).toBe(true);
    expect(Decision.safeParse({ ...base, outcome: 'refuse' }).success).toBe(false);
    expect(Decision.safeParse({ ...base, outcome: 'refuse', reasonCodes: ['ID_EXPIRED'] }).success).toBe(true);
  });
});

describe('case numbers, retention and storage thresholds', () => {
  it('formats office, day and sequence', () => {
    expect(formatCaseNumber({ officeCode: 'RM01', workstationCode: '' }, new Date(2026, 10, 3), 12)).toBe('RM01-20261103-0012');
    expect(formatCaseNumber({ officeCode: '', workstationCode: '' }, new Date(2026, 0, 1), 1)).toBe('SEDE-20260101-0001');
    // Two workstations of one office number the same day apart, and both shapes are valid case numbers.
    const p2 = formatCaseNumber({ officeCode: 'RM01', workstationCode: 'P2' }, new Date(2026, 10, 3), 12);
    expect(p2).toBe('RM01-P2-20261103-0012');
    expect(CaseNumber.safeParse(p2).success).toBe(true);
    expect(CaseNumber.safeParse('RM01-P234-20261103-0012').success).toBe(false);
  });

  it('makes images purgeable only after acknowledgement plus the grace period', () => {
    expect(areImagesPurgeable({ state: 'sent', acknowledgedAt: null }, 0, 10 * DAY)).toBe(false);
    expect(areImagesPurgeable({ state: 'queued', acknowledgedAt: 0 }, 0, 10 * DAY)).toBe(false);
    expect(areImagesPurgeable({ state: 'acknowledged', acknowledgedAt: 0 }, 30, 30 * DAY - 1)).toBe(false);
    expect(areImagesPurgeable({ state: 'acknowledged', acknowledgedAt: 0 }, 30, 30 * DAY)).toBe(true);
    expect(areImagesPurgeable({ state: 'refused', acknowledgedAt: 0 }, 0, 0)).toBe(true);
  });

  it('warns under 10 % or under 500 MB free', () => {
    const MB = 1024 * 1024;
    expect(isStorageLow(100 * MB, 10_000 * MB)).toBe(false);
    expect(isStorageLow(9_100 * MB, 10_000 * MB)).toBe(true);
    expect(isStorageLow(100 * MB, 550 * MB)).toBe(true);
  });
});
