import { isAppUrl } from './app-origin';

export interface NavigationEvent {
  preventDefault(): void;
}

/** `will-navigate` / `will-redirect`: the window stays on the app origin. */
export function guardNavigation(event: NavigationEvent, targetUrl: string): void {
  if (!isAppUrl(targetUrl)) event.preventDefault();
}

/**
 * `setWindowOpenHandler`: no new window is ever created and nothing is handed to the system
 * browser either (a URL is a way out around the CSP: data in its query string reaches any host).
 */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}
