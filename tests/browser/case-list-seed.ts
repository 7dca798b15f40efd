import type { Page } from '@playwright/test';
import type { CaseState } from '../../shared/case/case';

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
      const { keyBase64 } = await (await resolveSportelloApi())['dataKey:get']();
      let now = 0;
      const store = await openLocalStore({ keyBase64, clock: () => now, officeCode: () => 'RM01' });
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
