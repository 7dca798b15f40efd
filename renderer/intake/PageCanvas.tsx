import { memo, useEffect, useRef, useState } from 'react';
import type { Box } from '../../shared/document-reading/raster';
import { useTranslation } from '../i18n/use-translation';
import { pageImage, type PageDetail, type PageImage } from './page-images';

/** The decoded page of a scan, or null while it loads; 'failed' when it cannot be shown. */
export function usePageImage(attachmentId: string, mimeType: string, page: number, detail: PageDetail = 1): PageImage | null | 'failed' {
  const [image, setImage] = useState<{ key: string; value: PageImage | 'failed' } | null>(null);
  const key = `${attachmentId}#${page}@${detail}`;
  useEffect(() => {
    let live = true;
    pageImage(attachmentId, mimeType, page, detail).then(
      (value) => live && setImage({ key, value }),
      () => live && setImage({ key, value: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [attachmentId, mimeType, page, detail, key]);
  return image?.key === key ? image.value : null;
}

interface PageCanvasProps {
  attachmentId: string;
  mimeType: string;
  page?: number;
  detail?: PageDetail;
  width: number;
  label: string;
  source?: Box;
  outline?: Box;
  space?: { width: number; height: number };
}

/** Boxes come as fresh objects on each render of the parent: equal values are equal props. */
function sameProps(a: PageCanvasProps, b: PageCanvasProps): boolean {
  const sameBox = (x?: { width: number; height: number; x?: number; y?: number }, y?: { width: number; height: number; x?: number; y?: number }) =>
    x === y || (!!x && !!y && x.x === y.x && x.y === y.y && x.width === y.width && x.height === y.height);
  return (
    a.attachmentId === b.attachmentId &&
    a.mimeType === b.mimeType &&
    a.page === b.page &&
    a.detail === b.detail &&
    a.width === b.width &&
    a.label === b.label &&
    sameBox(a.source, b.source) &&
    sameBox(a.outline, b.outline) &&
    sameBox(a.space, b.space)
  );
}

/**
 * Draws `source` (a part of the page; the whole page when absent) into a canvas `width` pixels
 * wide, with `outline` framed in red; an empty `label` makes it decoration. Both are measured in `space` (the page size a reading saw,
 * e.g. a PDF page at 300 dpi); by default in the pixels of the page as decoded here.
 * Memoised: a store change elsewhere on the screen (a field saved, the reading stored) does not
 * redraw every thumbnail and region crop; each redraws only when what it shows changes.
 */
export const PageCanvas = memo(function PageCanvas({ attachmentId, mimeType, page = 1, detail = 1, width, label, source, outline, space }: PageCanvasProps) {
  const t = useTranslation();
  const image = usePageImage(attachmentId, mimeType, page, detail);
  const canvas = useRef<HTMLCanvasElement>(null);
  const bitmap = image && image !== 'failed' ? image.bitmap : null;
  const k = bitmap && space ? bitmap.width / space.width : 1;
  const area = bitmap ? scaled(source ?? { x: 0, y: 0, width: bitmap.width / k, height: bitmap.height / k }, k) : null;
  const height = area ? Math.max(1, Math.round((width * area.height) / area.width)) : 0;

  // Redrawn on every render: one drawImage, and it keeps the canvas in step with every prop.
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !bitmap || !area) return;
    const scale = width / area.width;
    context.clearRect(0, 0, width, height);
    context.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, width, height);
    if (outline) {
      const box = scaled(outline, k);
      context.strokeStyle = '#c00000';
      context.lineWidth = 2;
      context.strokeRect((box.x - area.x) * scale, (box.y - area.y) * scale, box.width * scale, box.height * scale);
    }
  });

  if (image === 'failed') return <span className="page-missing">{t('intake.viewer.unavailable')}</span>;
  if (!bitmap) return <span className="page-loading">{t('intake.viewer.loading')}</span>;
  // Inside a labelled control (a thumbnail button) the picture is decoration: no second name.
  return label ? <canvas ref={canvas} width={width} height={height} role="img" aria-label={label} /> : <canvas ref={canvas} width={width} height={height} aria-hidden="true" />;
}, sameProps);

function scaled(box: Box, k: number): Box {
  return { x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k };
}
