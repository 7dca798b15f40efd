import { useEffect, useRef, useState } from 'react';
import type { AttachmentMeta } from '../../shared/case/case';
import { isEditable as caseIsEditable } from '../../shared/case/state';
import type { ScanRegion } from '../../shared/intake/read-regions';
import { useTranslation } from '../i18n/use-translation';
import { PageCanvas, usePageImage } from './PageCanvas';
import { ScanEditor } from './ScanEditor';
import { useIntake } from './intake-session';
import { isEditable as scanIsEditable } from './scan-editing';

const BASE_WIDTH = 800;

/**
 * The boxes of the read values on this page, typed values excluded (they were read from nowhere).
 * Values read from one box (the MRZ holds several) share it, with one label naming them all.
 */
function useBoxesOn(attachmentId: string, page: number): Array<{ key: string; label: string; region: ScanRegion }> {
  const t = useTranslation();
  const regions = useIntake((s) => s.regions);
  const sources = useIntake((s) => s.documentReading?.fieldSources);
  const form = useIntake((s) => s.record?.form);
  const on = (region: ScanRegion) => region.attachmentId === attachmentId && region.page === page;
  const read = [
    ...Object.entries(regions.document)
      .filter(([field, region]) => on(region) && sources?.[field as keyof typeof sources] !== 'clerk')
      .map(([field, region]) => ({ key: `document-${field}`, label: t(`intake.check.field.${field}` as Parameters<typeof t>[0]), region })),
    ...Object.entries(regions.form)
      .filter(([field, region]) => on(region) && form?.[field as keyof typeof form]?.source !== 'clerk')
      .map(([field, region]) => ({ key: `form-${field}`, label: t(`form.field.${field}` as Parameters<typeof t>[0]), region })),
  ];
  const byBox = new Map<string, { key: string; label: string; region: ScanRegion }>();
  for (const value of read) {
    const { x, y, width, height } = value.region.box;
    const where = `${x},${y},${width},${height}`;
    const shared = byBox.get(where);
    byBox.set(where, shared ? { ...shared, key: `${shared.key} ${value.key}`, label: `${shared.label}, ${value.label}` } : value);
  }
  return [...byBox.values()];
}

/**
 * A scan in a modal dialog that keeps keyboard focus: zoom, the pages of a PDF or TIFF one by one,
 * the boxes the values were read from, and (for a case still open) straighten and crop the page shown.
 */
export function ScanViewer({ attachment, name, onClose }: { attachment: AttachmentMeta; name: string; onClose: () => void }) {
  const t = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [zoom, setZoom] = useState(1);
  const [page, setPage] = useState(1);
  const [showBoxes, setShowBoxes] = useState(false);
  const [editing, setEditing] = useState(false);
  const editableCase = useIntake((s) => (s.record ? caseIsEditable(s.record.state) : false));
  const image = usePageImage(attachment.id, attachment.mimeType, page);
  const pageCount = image && image !== 'failed' ? image.pageCount : 1;
  const boxes = useBoxesOn(attachment.id, page);

  useEffect(() => {
    // Closing happens by unmounting; closing here would fire onClose under StrictMode's re-run.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  const width = Math.round(BASE_WIDTH * zoom);
  return (
    <dialog ref={dialog} className="scan-viewer" aria-label={t('intake.viewer.title', { name })} onClose={onClose}>
      {editing ? (
        <ScanEditor attachment={attachment} name={name} page={page} onCancel={() => setEditing(false)} onSaved={onClose} />
      ) : (
        <>
          <div className="actions" role="toolbar" aria-label={t('intake.viewer.tools', { name })}>
            <button type="button" onClick={() => setZoom((z) => Math.min(4, z * 1.25))}>
              {t('intake.viewer.zoomIn')}
            </button>
            <button type="button" onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>
              {t('intake.viewer.zoomOut')}
            </button>
            {pageCount > 1 && (
              <>
                <button type="button" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page === 1}>
                  {t('intake.viewer.previousPage')}
                </button>
                <span className="viewer-page" aria-live="polite">
                  {t('intake.viewer.page', { page, count: pageCount })}
                </span>
                <button type="button" onClick={() => setPage((p) => Math.min(pageCount, p + 1))} disabled={page === pageCount}>
                  {t('intake.viewer.nextPage')}
                </button>
              </>
            )}
            {boxes.length > 0 && (
              <button type="button" aria-pressed={showBoxes} onClick={() => setShowBoxes((s) => !s)}>
                {t('intake.viewer.showBoxes')}
              </button>
            )}
            {editableCase && scanIsEditable(attachment.mimeType) && (
              <button type="button" onClick={() => setEditing(true)}>
                {t('intake.viewer.edit')}
              </button>
            )}
            <button type="button" className="button-primary" onClick={onClose} autoFocus>
              {t('intake.viewer.close')}
            </button>
          </div>
          {/* Focusable, so a zoomed page scrolls with the arrow keys too. */}
          <div className="scan-viewer-canvas" tabIndex={0} role="region" aria-label={t('intake.viewer.scroll', { name })}>
            <div className="scan-page" style={{ width }}>
              <PageCanvas attachmentId={attachment.id} mimeType={attachment.mimeType} page={page} detail={zoom > 1.5 ? 2 : 1} width={width} label={pageCount > 1 ? `${name}, ${t('intake.viewer.page', { page, count: pageCount })}` : name} />
              {showBoxes &&
                boxes.map(({ key, label, region }) => (
                  <span
                    key={key}
                    className="read-box"
                    data-box={key}
                    style={{
                      left: `${(region.box.x / region.imageWidth) * 100}%`,
                      top: `${(region.box.y / region.imageHeight) * 100}%`,
                      width: `${(region.box.width / region.imageWidth) * 100}%`,
                      height: `${(region.box.height / region.imageHeight) * 100}%`,
                    }}
                  >
                    <span className="read-box-label">{label}</span>
                  </span>
                ))}
            </div>
          </div>
        </>
      )}
    </dialog>
  );
}
