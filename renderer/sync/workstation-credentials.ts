import type { LocalStore } from '../store/local-store';
import { guardWrite } from '../store/store-error';
import type { Sealed } from '../store/data-cipher';

/** What enrollment gives a workstation; the token is a secret and is kept sealed with the data key. */
export interface WorkstationCredentials {
  token: string;
  workstationId: string;
  officeCode: string;
  workstationName: string;
  enrolledAt: string;
  /** The service URL the token was issued by: a different configured service means enrolling again. */
  serviceUrl: string;
}

const SETTING_KEY = 'sync.credentials';

export async function loadCredentials(store: Pick<LocalStore, 'db' | 'cipher'>): Promise<WorkstationCredentials | null> {
  const row = await store.db.settings.get(SETTING_KEY);
  if (!row) return null;
  return (await store.cipher.openJson(row.value as Sealed, SETTING_KEY)) as WorkstationCredentials;
}

export async function saveCredentials(store: Pick<LocalStore, 'db' | 'cipher'>, credentials: WorkstationCredentials): Promise<void> {
  const sealed = await store.cipher.sealJson(credentials, SETTING_KEY);
  await guardWrite(() => store.db.settings.put({ key: SETTING_KEY, value: sealed }));
}
