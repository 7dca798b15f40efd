import { useEffect, useState } from 'react';
import { readStorageHealth, type StorageHealth } from '../store/storage-health';
import { useSession, useSignedIn } from '../store/session';
import { useTranslation } from '../i18n/use-translation';

const MB = 1024 * 1024;

/** Diagnostics piece: is the storage persistent, how full it is, how many cases it holds. */
export function StoragePanel() {
  const t = useTranslation();
  const { store } = useSignedIn();
  const requested = useSession((s) => s.persisted);
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [cases, setCases] = useState<number | null>(null);
  useEffect(() => {
    void readStorageHealth().then(setHealth);
    void store.db.cases.count().then(setCases);
  }, [store]);

  const persisted = health?.persisted ?? requested;
  const usage = health && health.usageBytes !== null && health.quotaBytes !== null ? { used: health.usageBytes, quota: health.quotaBytes } : null;
  return (
    <section aria-labelledby="storage-heading" className="panel">
      <h3 id="storage-heading">{t('storage.heading')}</h3>
      <dl className="facts">
        <dt>{t('storage.persisted')}</dt>
        <dd data-testid="storage-persisted">{t(persisted === null ? 'storage.persisted.unknown' : persisted ? 'storage.persisted.yes' : 'storage.persisted.no')}</dd>
        <dt>{t('storage.usage')}</dt>
        <dd>
          {usage
            ? t('storage.usageValue', { used: (usage.used / MB).toFixed(1), quota: Math.round(usage.quota / MB), percent: ((100 * usage.used) / Math.max(usage.quota, 1)).toFixed(1) })
            : '…'}
        </dd>
        <dt>{t('storage.cases')}</dt>
        <dd>{cases ?? '…'}</dd>
      </dl>
      {health?.low && usage && <p className="message-error">{lowSpaceText(t, usage.quota - usage.used)}</p>}
    </section>
  );
}

const lowSpaceText = (t: ReturnType<typeof useTranslation>, freeBytes: number) => t('storage.warning', { free: Math.round(freeBytes / MB) });

/** Always-visible warning while the housekeeping round finds the disk nearly full. */
export function StorageWarning() {
  const t = useTranslation();
  const storage = useSession((s) => s.storage);
  if (!storage?.low || storage.usageBytes === null || storage.quotaBytes === null) return null;
  return (
    <p className="panel message-error" role="alert">
      {lowSpaceText(t, storage.quotaBytes - storage.usageBytes)}
    </p>
  );
}
