/**
 * Only plain http(s) URLs with a real host and no embedded credentials may reach
 * `shell.openExternal`; anything else (file:, javascript:, smb:, custom schemes) is refused.
 * Returns the normalised URL to open, or null.
 */
export function vetExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname || url.username || url.password) return null;
  // Percent-encoded hosts are decoded by URL; such a link is an obfuscation, not a real address.
  const authority = value.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0];
  if (authority.includes('%')) return null;
  return url.href;
}

export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  const vetted = vetExternalUrl(value);
  if (!vetted) return false;
  await open(vetted);
  return true;
}
