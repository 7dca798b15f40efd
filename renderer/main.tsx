import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useAppStore } from './app/app-store';
import { resolveSportelloApi } from './platform/sportello-api';
import { useSession } from './store/session';

async function start(): Promise<void> {
  const api = await resolveSportelloApi();
  await useAppStore.getState().connect(api);
  // Until the encrypted store is open and a clerk has signed in, App shows only the access screens.
  void useSession.getState().open(api, () => useAppStore.getState().settings);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
