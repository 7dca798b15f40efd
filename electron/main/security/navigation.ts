import { isAppUrl } from './app-origin';
import { vetExternalUrl } from './external-links';

export interface NavigationEvent {
  preventDefault(): void;
}

/** `will-navigate` / `will-redirect`: the window stays on the app origin. */
export function guardNavigation(event: NavigationEvent, targetUrl: string): void {
  if (!isAppUrl(targetUrl)) event.preventDefault();
}

/**
 * `setWindowOpenHandler`: no new window is ever created. A vetted http(s) link is handed to the
 * system browser instead.
 */
export function denyWindowOpen(
  targetUrl: string,
  openExternal: (url: string) => void,
): { action: 'deny' } {
  const vetted = vetExternalUrl(targetUrl);
  if (vetted) openExternal(vetted);
  return { action: 'deny' };
}
