import { isAppUrl } from './app-origin';

export interface PermissionDetails {
  requestingUrl?: string;
  mediaTypes?: string[];
}

/**
 * The camera (document camera, webcam) is the only permission, and only for the app origin. Audio
 * capture, geolocation, notifications, clipboard, HID/serial/USB and the rest are denied.
 */
export function decidePermission(permission: string, requestingOrigin: string, details: PermissionDetails = {}): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(requestingOrigin)) return false;
  if (details.requestingUrl !== undefined && !isAppUrl(details.requestingUrl)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/** `setPermissionCheckHandler`: synchronous checks follow the same rule (media type unknown there). */
export function checkPermission(permission: string, requestingOrigin: string): boolean {
  return permission === 'media' && isAppUrl(requestingOrigin);
}
