import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Secrets are 256 random bits; only their SHA-256 is stored, so a database leak yields no usable token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** One-time enrollment codes are read aloud or typed: 12 characters without look-alikes (0/O, 1/I/L). */
export function newEnrollmentCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(hashSecret(a), 'hex');
  const right = Buffer.from(hashSecret(b), 'hex');
  return timingSafeEqual(left, right);
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/.exec(header ?? '');
  return match ? match[1] : null;
}
