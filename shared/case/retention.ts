import type { CaseRecord } from './case';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * ID images are kept on the workstation only until the central service has acknowledged the case,
 * plus the configured grace period (DOMAIN.md, personal data). Nothing else makes them purgeable.
 */
export function imagesPurgeableAt(record: Pick<CaseRecord, 'state' | 'acknowledgedAt'>, retentionDays: number): number | null {
  if (record.acknowledgedAt === null) return null;
  if (record.state !== 'acknowledged' && record.state !== 'refused') return null;
  return record.acknowledgedAt + retentionDays * DAY_MS;
}

export function areImagesPurgeable(record: Pick<CaseRecord, 'state' | 'acknowledgedAt'>, retentionDays: number, now: number): boolean {
  const at = imagesPurgeableAt(record, retentionDays);
  return at !== null && now >= at;
}
