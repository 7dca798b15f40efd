import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';

/** A zoomable, rotatable view of one scan, in a modal dialog that keeps keyboard focus. */
export function ScanViewer({ name, url, onClose }: { name: string; url: string; onClose: () => void }) {
  const t = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);

  useEffect(() => {
    // Closing happens by unmounting; closing here would fire onClose under StrictMode's re-run.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="scan-viewer" aria-label={t('intake.viewer.title', { name })} onClose={onClose}>
      <div className="actions">
        <button type="button" onClick={() => setZoom((z) => Math.min(4, z * 1.25))}>
          {t('intake.viewer.zoomIn')}
        </button>
        <button type="button" onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>
          {t('intake.viewer.zoomOut')}
        </button>
        <button type="button" onClick={() => setRotation((r) => (r + 90) % 360)}>
          {t('intake.viewer.rotate')}
        </button>
        <button type="button" className="button-primary" onClick={onClose} autoFocus>
          {t('intake.viewer.close')}
        </button>
      </div>
      <div className="scan-viewer-canvas">
        <img src={url} alt={name} className={`scan-zoom rotate-${rotation}`} width={Math.round(800 * zoom)} />
      </div>
    </dialog>
  );
}
