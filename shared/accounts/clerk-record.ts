import { z } from 'zod';

/**
 * A clerk account as the local store keeps it. The security-relevant fields (who, which role,
 * active or not, the password record) are sealed by the main process with a key the renderer
 * never holds; the lockout counters are not (they change at every failed sign-in, before anyone
 * is signed in).
 */
export const PasswordRecord = z
  .object({
    algorithm: z.literal('PBKDF2-SHA-256'),
    iterations: z.number().int().min(100_000).max(10_000_000),
    salt: z.string().max(64),
    hash: z.string().max(128),
  })
  .strict();
export type PasswordRecord = z.infer<typeof PasswordRecord>;

export const ClerkRole = z.enum(['admin', 'clerk']);
export type ClerkRole = z.infer<typeof ClerkRole>;

export const SealedClerkFields = z
  .object({
    id: z.string().min(1).max(64),
    username: z.string().min(1).max(32),
    displayName: z.string().min(1).max(100),
    role: ClerkRole,
    active: z.boolean(),
    password: PasswordRecord,
    createdAt: z.number().int(),
  })
  .strip();
export type SealedClerkFields = z.infer<typeof SealedClerkFields>;

/** A row as the renderer hands it to main: the sealed fields and the seal main gave them. */
export const SealedClerk = SealedClerkFields.extend({ seal: z.string().max(64) }).strip();
export type SealedClerk = z.infer<typeof SealedClerk>;

/** One local store's identity: random, created with the store, bound into every seal. */
export const StoreId = z.string().regex(/^[0-9a-f]{32}$/);

/** The canonical bytes a seal covers: the store, then every sealed field in a fixed order. */
export function clerkSealInput(storeId: string, clerk: SealedClerkFields): string {
  const p = clerk.password;
  return JSON.stringify(['sportello-clerk/v1', storeId, clerk.id, clerk.username, clerk.displayName, clerk.role, clerk.active, p.algorithm, p.iterations, p.salt, p.hash, clerk.createdAt]);
}
