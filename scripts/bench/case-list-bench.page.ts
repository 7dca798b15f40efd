/**
 * The in-browser half of `npm run bench:case-list` (scripts/bench/case-list.ts loads it through
 * Vite into the running app): drives the real case list screen over the store `seedManyCases`
 * (tests/browser/case-list-seed.ts) filled, and times it against the same store queries made
 * directly. The queries below pick values that population is known to contain.
 */
import type { CaseState } from '../../shared/case/case';
import type { CaseQuery } from '../../renderer/store/case-repository';
import { useSession } from '../../renderer/store/session';
import { manyCaseNumber } from '../../tests/browser/case-list-seed';

function signedIn() {
  const { store, clerk } = useSession.getState();
  if (!store || !clerk) throw new Error('the benchmark needs a signed-in clerk');
  return store;
}

const DAY = 86_400_000;

/** Resolves when `ready()` holds, checked on every DOM change: the time the clerk would see the rows. */
function until(ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the list did not show the expected rows in time'));
    }, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** The list shows `total` cases and its first row is case `firstNumber`, loaded (not a placeholder). */
function listShows(total: number, firstNumber: string | undefined): () => boolean {
  const totalText = total === 1 ? '1 pratica' : `${total} pratiche`;
  return () =>
    document.querySelector('.cases-total')?.textContent === totalText &&
    document.querySelector('[aria-posinset="1"] .case-number')?.textContent === firstNumber &&
    document.querySelector('.case-list .case-row-loading') === null;
}

function setValue(selector: string, value: string): void {
  const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!el) throw new Error(`${selector} missing`);
  // React tracks the last value it saw; the native setter makes the change visible to it.
  const setter = Object.getOwnPropertyDescriptor(el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype, 'value')?.set;
  setter?.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

const dayText = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
};

interface Scenario {
  name: string;
  /** Filter bar values, as the clerk types them. */
  inputs: { search?: string; state?: CaseState; from?: string; to?: string };
  /** The same criteria, straight to the store. */
  query: Omit<CaseQuery, 'offset' | 'limit'>;
}

export type Timings = Record<string, { ui: number[]; store: number[] }>;

export async function measureCaseList(runs: number): Promise<{ timings: Timings; mountedRows: number; total: number; longTaskMs: number[]; scrollSteps: number }> {
  const store = signedIn();
  const timings: Timings = {};
  const record = (name: string, kind: 'ui' | 'store', ms: number) => (timings[name] ??= { ui: [], store: [] })[kind].push(ms);
  const now = Date.now();
  const all = await store.cases.listCases({ offset: 0, limit: 50 });
  const someNumber = manyCaseNumber(Math.floor(all.total * 0.43));
  const scenarios: Scenario[] = [
    { name: 'state filter "da verificare"', inputs: { state: 'needs-attention' }, query: { state: 'needs-attention' } },
    { name: 'date range (last 30 days)', inputs: { from: dayText(now - 30 * DAY), to: dayText(now) }, query: { from: new Date(new Date(now - 30 * DAY).setHours(0, 0, 0, 0)).getTime(), to: new Date(new Date(now).setHours(24, 0, 0, 0)).getTime() - 1 } },
    { name: 'search surname prefix "ross"', inputs: { search: 'ross' }, query: { search: 'ross' } },
    { name: 'search name + surname', inputs: { search: 'giulia rossi' }, query: { search: 'giulia rossi' } },
    { name: 'search full codice fiscale', inputs: { search: 'RSSMRA85D12H042Z' }, query: { search: 'RSSMRA85D12H042Z' } },
    { name: 'search case number', inputs: { search: someNumber }, query: { search: someNumber } },
    { name: 'state + date + search', inputs: { state: 'queued', search: 'ferrari', from: dayText(now - 60 * DAY), to: dayText(now) }, query: { state: 'queued', search: 'ferrari', from: new Date(new Date(now - 60 * DAY).setHours(0, 0, 0, 0)).getTime(), to: new Date(new Date(now).setHours(24, 0, 0, 0)).getTime() - 1 } },
  ];
  const form = document.querySelector<HTMLFormElement>('form.case-filters');
  if (!form) throw new Error('the case list screen is not shown');

  async function applyInputs(inputs: Scenario['inputs']) {
    setValue('#case-filter-search', inputs.search ?? '');
    setValue('#case-filter-from', inputs.from ?? '');
    setValue('#case-filter-to', inputs.to ?? '');
    // The state applies as soon as it changes: set last, it carries the other fields with it.
    setValue('#case-filter-state', inputs.state ?? '');
    // Submitting skips the typing pause: what is timed is the list's own work.
    form!.requestSubmit();
  }

  for (let run = 0; run < runs; run++) {
    for (const scenario of scenarios) {
      const storeStarted = performance.now();
      const expected = await store.cases.listCases({ ...scenario.query, offset: 0, limit: 50 });
      record(scenario.name, 'store', performance.now() - storeStarted);
      if (expected.total === 0) throw new Error(`${scenario.name}: no case matches`);
      const started = performance.now();
      await applyInputs(scenario.inputs);
      await until(listShows(expected.total, expected.items[0]?.number));
      record(scenario.name, 'ui', performance.now() - started);
      await applyInputs({});
      await until(listShows(all.total, all.items[0]?.number));
    }
  }

  // First usable page: leave the screen, come back, time until the first rows and the counts show.
  const nav = (label: string) => [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent === label);
  for (let run = 0; run < runs; run++) {
    nav('Impostazioni')?.click();
    await until(() => document.querySelector('.case-list') === null);
    const storeStarted = performance.now();
    await Promise.all([store.cases.listCases({ offset: 0, limit: 50 }), store.cases.countByState()]);
    record('first page on opening the screen', 'store', performance.now() - storeStarted);
    const started = performance.now();
    nav('Pratiche')?.click();
    await until(() => listShows(all.total, all.items[0]?.number)() && /\d+ in attesa di invio/.test(document.querySelector('.send-queue')?.textContent ?? ''));
    record('first page on opening the screen', 'ui', performance.now() - started);
  }

  // Scrolling through all 10,000: the longest main-thread task while the list keeps up.
  const list = document.querySelector<HTMLElement>('.case-list');
  if (!list) throw new Error('case list missing');
  const mountedRows = list.querySelectorAll('[role="option"]').length;
  const longTaskMs: number[] = [];
  const longTasks = new PerformanceObserver((entries) => entries.getEntries().forEach((e) => longTaskMs.push(Math.round(e.duration))));
  longTasks.observe({ type: 'longtask' });
  const steps = 40;
  const rowHeight = list.querySelector<HTMLElement>('[role="option"]')?.offsetHeight ?? 0;
  for (let step = 1; step <= steps; step++) {
    const target = Math.min(all.total - 1, Math.floor((all.total * step) / steps));
    const storeStarted = performance.now();
    await store.cases.listCases({ offset: target, limit: 50 });
    record('rows shown after a scroll jump', 'store', performance.now() - storeStarted);
    const started = performance.now();
    list.scrollTop = target * rowHeight;
    await until(() => list.querySelector(`[aria-posinset="${target + 1}"] .case-name`) !== null);
    record('rows shown after a scroll jump', 'ui', performance.now() - started);
  }
  await new Promise((r) => setTimeout(r, 100));
  longTasks.disconnect();
  return { timings, mountedRows, total: all.total, longTaskMs, scrollSteps: steps };
}
