import type { CentralDiagnosis } from '../../shared/central-api/transport-diagnosis';
import { useAppStore } from '../app/app-store';

/** Main's look at the configured service address (`central:diagnose`); rejects before the app is connected, and the generic message stays. */
export async function diagnoseCentral(): Promise<CentralDiagnosis> {
  const api = useAppStore.getState().api;
  if (!api) throw new Error('API not connected');
  return api['central:diagnose']();
}
