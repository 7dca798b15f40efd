/**
 * The Content-Security-Policy of the renderer, served by the app:// protocol in Electron and by the
 * dev web server. No inline script, no eval (WebAssembly compilation only, which OCR needs), no
 * remote origin but the configured central service.
 */
export interface CspOptions {
  /** Origin of the central service the outbox talks to, e.g. `https://central.inail.local`. */
  centralServiceOrigin?: string | null;
  /** Dev web mode only: the origin of Vite's HMR websocket. */
  devSocketOrigin?: string | null;
}

export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", options.centralServiceOrigin, options.devSocketOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The origin part of a central service URL, or null when unset or malformed. */
export function originOf(url: string): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
