import { useEffect, useState } from 'react';
import type { OcrAssetStatus } from '../../shared/diagnostics/report';
import { useTranslation } from '../i18n/use-translation';
import { browserPoolSize } from '../ocr/browser-engines';
import { checkOcrAssets } from './ocr-assets-check';

/** Diagnostics piece: is every file document reading needs there, as the app's origin serves it. */
export function OcrPanel() {
  const t = useTranslation();
  const [assets, setAssets] = useState<OcrAssetStatus[] | null>(null);
  useEffect(() => {
    void checkOcrAssets().then(setAssets);
  }, []);
  const missing = assets?.some((asset) => !asset.ok) ?? false;
  return (
    <section aria-labelledby="ocr-heading" className="panel" data-testid="diagnostics-ocr">
      <h3 id="ocr-heading">{t('diagnostics.ocr.heading')}</h3>
      <dl className="facts">
        <dt>{t('diagnostics.ocr.language')}</dt>
        <dd>ita</dd>
        <dt>{t('diagnostics.ocr.workers')}</dt>
        <dd>{browserPoolSize()}</dd>
      </dl>
      {assets && <p className={missing ? 'message-error' : 'message-ok'}>{t(missing ? 'diagnostics.ocr.someMissing' : 'diagnostics.ocr.allPresent')}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('diagnostics.ocr.asset')}</th>
            <th scope="col">{t('diagnostics.ocr.status')}</th>
          </tr>
        </thead>
        <tbody>
          {assets?.map((asset) => (
            <tr key={asset.path}>
              <td>
                <code>{asset.path}</code>
              </td>
              <td className={asset.ok ? undefined : 'message-error'}>{asset.ok ? t('diagnostics.ocr.present', { size: asset.bytes === null ? '?' : Math.round(asset.bytes / 1024) }) : t('diagnostics.ocr.missing')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
