import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/case/case';
import type { CasePage, CaseQuery } from '../../../renderer/store/case-repository';
import { createCasePages } from '../../../renderer/case-list/case-pages';

const summary = (n: number): CaseSummary => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  number: `RM01-20261123-${String(n + 1).padStart(4, '0')}`,
  state: 'draft',
  urgent: false,
  profile: null,
  outcome: null,
  createdAt: n,
  updatedAt: n,
  displayName: `Persona ${n}`,
  integrity: 'ok',
});

/** A store of `size` cases whose answers the test releases one by one. */
function fakeStore(size: { value: number }) {
  const asked: CaseQuery[] = [];
  const pending: (() => void)[] = [];
  const list = (query: CaseQuery) =>
    new Promise<CasePage>((resolve) => {
      asked.push(query);
      pending.push(() => {
        const items = Array.from({ length: Math.max(0, Math.min(query.limit, size.value - query.offset)) }, (_, i) => summary(query.offset + i));
        resolve({ items, total: size.value });
      });
    });
  const settle = async () => {
    while (pending.length > 0) {
      pending.splice(0).forEach((release) => release());
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { list, asked, settle };
}

describe('case pages', () => {
  it('reads only the pages in view, with the criteria, and serves rows by index', async () => {
    const store = fakeStore({ value: 10_000 });
    const pages = createCasePages(store.list, { state: 'draft' }, 50);
    pages.show({ first: 120, end: 140 });
    await store.settle();
    expect(store.asked).toEqual([{ state: 'draft', offset: 100, limit: 50 }]);
    expect(pages.view().total).toBe(10_000);
    expect(pages.view().row(139)?.displayName).toBe('Persona 139');
    expect(pages.view().row(0)).toBeUndefined();
  });

  it('runs one batch at a time and then reads only where the list is by then', async () => {
    const store = fakeStore({ value: 10_000 });
    const pages = createCasePages(store.list, {}, 50);
    pages.show({ first: 0, end: 20 });
    for (let first = 100; first < 9000; first += 100) pages.show({ first, end: first + 20 });
    pages.show({ first: 9990, end: 10_000 });
    await store.settle();
    expect(store.asked.map((q) => q.offset)).toEqual([0, 9950]);
    expect(pages.view().row(9999)?.displayName).toBe('Persona 9999');
  });

  it('on a store change re-reads what is on screen, keeps showing it meanwhile, and forgets the rest', async () => {
    const size = { value: 200 };
    const store = fakeStore(size);
    const pages = createCasePages(store.list, {}, 50);
    pages.show({ first: 0, end: 20 });
    await store.settle();
    pages.show({ first: 160, end: 180 });
    await store.settle();
    let notified = 0;
    pages.subscribe(() => notified++);
    size.value = 201;
    pages.refresh();
    expect(pages.view().row(170)?.displayName).toBe('Persona 170');
    await store.settle();
    expect(store.asked.slice(2).map((q) => q.offset)).toEqual([150]);
    expect(pages.view().total).toBe(201);
    expect(pages.view().row(10)).toBeUndefined();
    expect(notified).toBe(1);
  });

  it('learns a new total on a store change even when no row is on screen (the list was empty)', async () => {
    const size = { value: 0 };
    const store = fakeStore(size);
    const pages = createCasePages(store.list, {}, 50);
    pages.show({ first: 0, end: 0 });
    await store.settle();
    expect(pages.view().total).toBe(0);
    size.value = 1;
    pages.refresh();
    await store.settle();
    expect(pages.view().total).toBe(1);
    expect(pages.view().row(0)?.displayName).toBe('Persona 0');
  });

  it('reports a failed read without looping, and recovers on the next change', async () => {
    let fail = true;
    const store = fakeStore({ value: 10 });
    const failing = (query: CaseQuery) => (fail ? Promise.reject(new Error('disk')) : store.list(query));
    const pages = createCasePages(failing, {}, 50);
    pages.show({ first: 0, end: 10 });
    await new Promise((r) => setTimeout(r, 0));
    expect(pages.view().error).toBeInstanceOf(Error);
    expect(pages.view().total).toBe(0);
    fail = false;
    pages.refresh();
    await store.settle();
    expect(pages.view().error).toBeNull();
    expect(pages.view().total).toBe(10);
  });
});
