import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, toCaseCriteria, type CaseFilter } from '../../../renderer/case-list/case-filter';

const filter = (patch: Partial<CaseFilter>): CaseFilter => ({ ...EMPTY_FILTER, ...patch });

describe('case list filter → store criteria', () => {
  it('an empty filter asks for every case', () => {
    expect(toCaseCriteria(EMPTY_FILTER)).toEqual({ ok: true, criteria: {} });
    expect(toCaseCriteria(filter({ search: '   ' }))).toEqual({ ok: true, criteria: {} });
  });

  it('passes usable searches through, trimmed, and the state as chosen', () => {
    expect(toCaseCriteria(filter({ search: ' Rossi ', state: 'needs-attention' }))).toEqual({ ok: true, criteria: { search: 'Rossi', state: 'needs-attention' } });
    expect(toCaseCriteria(filter({ search: 'rssmra85d12h501z' }))).toEqual({ ok: true, criteria: { search: 'rssmra85d12h501z' } });
    expect(toCaseCriteria(filter({ search: 'RM01-20261123-0007' }))).toEqual({ ok: true, criteria: { search: 'RM01-20261123-0007' } });
  });

  it.each(['ro', 'a b', '--', 'è'])('refuses the search %j that the blind index cannot answer', (search) => {
    expect(toCaseCriteria(filter({ search }))).toEqual({ ok: false, problem: { field: 'search', messageKey: 'caseList.searchTooShort', details: {} } });
  });

  it('turns dd/mm/yyyy days into an inclusive local-time range', () => {
    const outcome = toCaseCriteria(filter({ from: '21/11/2026', to: '22/11/2026' }));
    expect(outcome).toEqual({ ok: true, criteria: { from: new Date(2026, 10, 21).getTime(), to: new Date(2026, 10, 23).getTime() - 1 } });
    expect(toCaseCriteria(filter({ from: '23/11/2026', to: '23/11/2026' }))).toEqual({ ok: true, criteria: { from: new Date(2026, 10, 23).getTime(), to: new Date(2026, 10, 24).getTime() - 1 } });
    expect(toCaseCriteria(filter({ to: '1/1/2026' }))).toEqual({ ok: true, criteria: { to: new Date(2026, 0, 2).getTime() - 1 } });
  });

  it.each([
    ['31/02/2026', 'from'],
    ['2026', 'to'],
    ['23/11/26', 'from'],
    ['ieri', 'to'],
    ['13/13/2026', 'from'],
  ] as const)('names the field of the impossible date %j', (value, field) => {
    expect(toCaseCriteria(filter({ [field]: value }))).toEqual({ ok: false, problem: { field, messageKey: 'caseList.dateInvalid', details: { value } } });
  });

  it('refuses a reversed range, quoting both days as dd/mm/yyyy', () => {
    expect(toCaseCriteria(filter({ from: '22/11/2026', to: '21/11/2026' }))).toEqual({
      ok: false,
      problem: { field: 'to', messageKey: 'caseList.dateOrder', details: { from: '22/11/2026', to: '21/11/2026' } },
    });
  });
});
