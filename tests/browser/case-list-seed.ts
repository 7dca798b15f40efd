import type { Page } from '@playwright/test';
import type { CaseState } from '../../shared/case/case';

/** The generated population of `seedManyCases`; tests and the benchmark query it by these values. */
export const MANY = {
  surnames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti'],
  names: ['Mario', 'Anna', 'Giulia', 'Luca', 'Marco', 'Sara', 'Paolo', 'Elena', 'Andrea', 'Chiara'],
  states: ['draft', 'ready', 'queued', 'sending', 'sent', 'acknowledged', 'refused', 'needs-attention'] as CaseState[],
  /** Case i is urgent when i % urgentEvery === 0. */
  urgentEvery: 25,
  days: 100,
  numberPrefix: 'RM01-20261123-',
};

/** The case number `seedManyCases` gives case i. */
export const manyCaseNumber = (i: number) => `${MANY.numberPrefix}${String(i + 1).padStart(5, '0')}`;

/** One case to write through the real store, as the intake wizard and the outbox would. */
export interface SeedCase {
  surname: string;
  name: string;
  codiceFiscale?: string;
  urgent?: boolean;
  /** Reached through the store's allowed moves. */
  state?: CaseState;
  /** Local calendar day the case is created on, YYYY-MM-DD (the store's clock is set to noon of it). */
  day: string;
}

/**
 * Writes cases into the workstation's encrypted store from inside the page: its own `LocalStore`
 * on the app's database and data key, with a clock set per case, so the open case list sees the
 * writes exactly as it sees the wizard's. Returns the case numbers in seeding order.
 */
export async function seedCases(page: Page, cases: SeedCase[]): Promise<string[]> {
  return page.evaluate(
    async ({ cases, modules }) => {
      const [{ openLocalStore }, { resolveSportelloApi }, { useSession }] = await Promise.all(modules.map((m) => import(/* @vite-ignore */ m)));
      const clerk = useSession.getState().clerk;
      if (!clerk) throw new Error('seedCases needs a signed-in clerk');
      const api = await resolveSportelloApi();
      const { keyBase64 } = await api['dataKey:get']();
      let now = 0;
      const store = await openLocalStore({ keyBase64, accounts: api, clock: () => now, numbering: () => ({ officeCode: 'RM01', workstationCode: '' }) });
      // Each state is reached the way the outbox reaches it, through the store's own moves.
      const path: Record<string, string[]> = {
        draft: [],
        ready: ['ready'],
        queued: ['decide'],
        sending: ['decide', 'sending'],
        sent: ['decide', 'sending', 'sent'],
        acknowledged: ['decide', 'sending', 'sent', 'acknowledged'],
        refused: ['decide', 'sending', 'sent', 'acknowledged', 'refused'],
        'needs-attention': ['decide', 'sending', 'needs-attention'],
      };
      const numbers: string[] = [];
      let tick = 0;
      try {
        for (const spec of cases) {
          const [y, m, d] = spec.day.split('-').map(Number);
          now = new Date(y, m - 1, d, 12, 0, 0).getTime() + tick++;
          const field = (value: string) => ({ value, source: 'clerk', confidence: 1 });
          const created = await store.cases.createDraft({ profile: 'MEDICO_ESTERNO', urgent: spec.urgent ?? false, urgentReason: spec.urgent ? 'pronto soccorso' : '' }, clerk.id);
          await store.cases.saveField(created.id, 'cognome', field(spec.surname), clerk.id);
          await store.cases.saveField(created.id, 'nome', field(spec.name), clerk.id);
          if (spec.codiceFiscale) await store.cases.saveField(created.id, 'codice_fiscale', field(spec.codiceFiscale), clerk.id);
          for (const step of path[spec.state ?? 'draft']) {
            if (step === 'decide') await store.cases.decide(created.id, { outcome: 'accept', reasonCodes: [], freeText: '' }, clerk.id);
            else await store.cases.moveState(created.id, step, clerk.id);
          }
          numbers.push(created.number);
        }
      } finally {
        store.close();
      }
      return numbers;
    },
    { cases, modules: ['/store/local-store.ts', '/platform/sportello-api.ts', '/store/session.ts'] },
  );
}

/**
 * `count` generated cases over the last `MANY.days` days, sealed by the store's own codec and
 * bulk-written into the signed-in workstation's store: case i is `MANY.surnames[i % 20]`,
 * `MANY.names[(i >> 3) % 10]`, state `MANY.states[i % 8]`, created in order (i = 0 oldest).
 * Much faster than one repository write per case, so lists of thousands stay cheap to test.
 * Returns the time the seeding took in ms.
 */
export async function seedManyCases(page: Page, count: number): Promise<number> {
  return page.evaluate(
    async ({ count, many, modules }) => {
      const [{ sealCase }, { useSession }] = await Promise.all(modules.map((m) => import(/* @vite-ignore */ m)));
      const store = useSession.getState().store;
      if (!store || !useSession.getState().clerk) throw new Error('seedManyCases needs a signed-in clerk');
      // No named function in here: tsx (the benchmark's runner) would wrap it in a helper the page lacks.
      const day = 86_400_000;
      const start = Date.now() - many.days * day;
      const started = performance.now();
      for (let chunk = 0; chunk < count; chunk += 1000) {
        const rows = await Promise.all(
          Array.from({ length: Math.min(1000, count - chunk) }, (_, j) => {
            const i = chunk + j;
            const createdAt = start + Math.floor((i * many.days * day) / count);
            const urgent = i % many.urgentEvery === 0;
            return sealCase(
              {
                id: crypto.randomUUID(),
                number: `${many.numberPrefix}${String(i + 1).padStart(5, '0')}`,
                profile: 'MEDICO_ESTERNO',
                urgent,
                urgentReason: urgent ? 'pronto soccorso' : '',
                form: Object.fromEntries(
                  [
                    ['cognome', many.surnames[i % many.surnames.length]],
                    ['nome', many.names[(i >> 3) % many.names.length]],
                    ['codice_fiscale', `RSSMRA85D12H${String(i % 1000).padStart(3, '0')}Z`],
                  ].map(([name, value]) => [name, { value, source: 'clerk', confidence: 1 }]),
                ),
                state: many.states[i % many.states.length],
                decision: null,
                createdBy: 'seed',
                createdAt,
                updatedAt: createdAt,
                acknowledgedAt: null,
              },
              store.cipher,
            );
          }),
        );
        await store.db.cases.bulkAdd(rows);
      }
      return performance.now() - started;
    },
    { count, many: MANY, modules: ['/store/case-codec.ts', '/store/session.ts'] },
  );
}
