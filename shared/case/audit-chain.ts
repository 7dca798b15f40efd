import { z } from 'zod';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { FormFieldName } from './form-fields';

export const AuditAction = z.enum([
  'create',
  'view',
  'edit-field',
  'attach',
  'transform-scan',
  /** A scan moved to another slot (`<from>-><to>:<sha256>`) or removed (`<role>:<sha256>`) before the decision. */
  'reassign-scan',
  'remove-scan',
  'print-form',
  'ocr-correction',
  'decide',
  /** The refusal notice stored with the case: `issued:<sha256>` or `withdrawn:<sha256>`. */
  'notice',
  'reopen',
  'sync',
  'export',
  /** A case taken in from another workstation's bundle (renderer/sync/case-bundle-import.ts). */
  'import',
  'purge',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'lock',
  'account',
  /** A workstation setting changed by an administrator: `<field>:<old>-><new>` (renderer/store/settings-audit.ts). */
  'settings',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** What an entry says. Field names and ids only: personal values never enter the log. */
export const AuditFacts = z
  .object({
    clerkId: z.string().min(1),
    action: AuditAction,
    caseId: z.string().nullable(),
    fields: z.array(FormFieldName).optional(),
    /** A non-personal detail: an attachment role, a state name, a reason code, an account id. */
    detail: z.string().max(200).optional(),
  })
  .strict();
export type AuditFacts = z.infer<typeof AuditFacts>;

export interface AuditEntry extends AuditFacts {
  seq: number;
  at: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The secret the chain is keyed with (HMAC-SHA-256, derived from the data key): without it nobody
 * can rewrite entries and recompute a consistent chain, as they could with a plain hash.
 */
export type AuditChainKey = Uint8Array;

/** Keys in a fixed order, so the hash does not depend on how an object happened to be built. */
function canonical(entry: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([entry.seq, entry.at, entry.prevHash, entry.clerkId, entry.action, entry.caseId, entry.fields ?? null, entry.detail ?? null]);
}

const mac = (key: AuditChainKey, body: Omit<AuditEntry, 'hash'>) => bytesToHex(hmac(sha256, key, utf8ToBytes(canonical(body))));

/** Synchronous on purpose: the store computes it inside the Dexie transaction that writes the entry. */
export function chainEntry(key: AuditChainKey, previous: Pick<AuditEntry, 'seq' | 'hash'> | null, at: number, facts: AuditFacts): AuditEntry {
  const body = { ...AuditFacts.parse(facts), seq: (previous?.seq ?? 0) + 1, at, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...body, hash: mac(key, body) };
}

/**
 * The last entry's position, sealed with the chain key and written with every entry: entries cut
 * off the end of the log (which leaves a valid shorter chain) no longer match it.
 */
export interface AuditHead {
  seq: number;
  hash: string;
  mac: string;
}

const headMac = (key: AuditChainKey, seq: number, hash: string) => bytesToHex(hmac(sha256, key, utf8ToBytes(`head:${seq}:${hash}`)));

export function sealHead(key: AuditChainKey, last: Pick<AuditEntry, 'seq' | 'hash'>): AuditHead {
  return { seq: last.seq, hash: last.hash, mac: headMac(key, last.seq, last.hash) };
}

export type ChainVerdict =
  | { intact: true; entries: number }
  | { intact: false; entries: number; firstBrokenSeq: number; problem: 'hash' | 'link' | 'sequence' | 'truncated' };

/**
 * Walks the log in order and reports the first entry whose content, link or position was altered,
 * then checks the sealed head: a log shorter than its head lost entries from its end.
 */
export function verifyChain(key: AuditChainKey, entries: Iterable<AuditEntry>, head: AuditHead | null): ChainVerdict {
  let previous: AuditEntry | null = null;
  let count = 0;
  for (const entry of entries) {
    count++;
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { intact: false, entries: count, firstBrokenSeq: expectedSeq, problem: 'sequence' };
    if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) return { intact: false, entries: count, firstBrokenSeq: entry.seq, problem: 'link' };
    const { hash, ...body } = entry;
    if (mac(key, body) !== hash) return { intact: false, entries: count, firstBrokenSeq: entry.seq, problem: 'hash' };
    previous = entry;
  }
  const headValid = head !== null && head.mac === headMac(key, head.seq, head.hash);
  const matches = previous === null ? head === null : headValid && head.seq === previous.seq && head.hash === previous.hash;
  if (!matches) return { intact: false, entries: count, firstBrokenSeq: (previous?.seq ?? 0) + 1, problem: 'truncated' };
  return { intact: true, entries: count };
}
