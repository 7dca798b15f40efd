import { createSportelloApi } from '../../../shared/ipc/bridge';
import { dispatch } from '../../../electron/main/ipc/register-handlers';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import type { AccountGuardApi } from '../../../renderer/store/clerk-accounts';
import { memoryAccountGuard, testHandlerDeps } from '../main/handler-deps';

const trusted = { senderFrame: { url: 'app://sportello/index.html', parent: null } } as never;

/**
 * The renderer's view of main's account guard, through the real contract (zod on both ends) and
 * the real main handlers, with the guard's state in memory. `guard` is main's side, for asserting
 * on its session.
 */
export function testAccountGuard(guard = memoryAccountGuard()): { api: AccountGuardApi; guard: ReturnType<typeof memoryAccountGuard> } {
  const handlers = createIpcHandlers(testHandlerDeps('/tmp/sportello-accounts-test', { accounts: guard }));
  return { api: createSportelloApi((channel, payload) => dispatch(channel, handlers, trusted, payload)), guard };
}
