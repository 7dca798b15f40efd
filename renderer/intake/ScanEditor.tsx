import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { AttachmentMeta } from '../../shared/case/case';
import type { Box } from '../../shared/document-reading/raster';
import { dragCrop, isIdentity, nudgeCrop, NO_TRANSFORM, turnAnticlockwise, turnClockwise, turnedSize, type ArrowKey, type CropHandle, type ScanTransform } from '../../shared/intake/scan-transform';
import { useTranslation } from '../i18n/use-translation';
import { usePageImage } from './PageCanvas';
import { NoticeLine } from './NoticeLine';
import { useIntake } from './intake-session';
import { MAX_EDIT_PIXELS, tooLargeToEdit } from './scan-editing';

const DISPLAY = { width: 760, height: 520 };
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
const CORNERS: Exclude<CropHandle, 'move'>[] = ['nw', 'ne', 'sw', 'se'];

/**
 * Straighten and crop one scan: quarter turns, a crop selection moved by its handles or by the
 * keyboard, undo of each step; nothing changes in the case until the clerk saves.
 */
export function ScanEditor({ attachment, name, onCancel, onSaved }: { attachment: AttachmentMeta; name: string; onCancel: () => void; onSaved: () => void }) {
  const t = useTranslation();
  const transformScan = useIntake((s) => s.transformScan);
  const image = usePageImage(attachment.id, attachment.mimeType, 1);
  const bitmap = image && image !== 'failed' ? image.bitmap : null;
  const [history, setHistory] = useState<ScanTransform[]>([NO_TRANSFORM]);
  const [dragging, setDragging] = useState<{ handle: CropHandle; startX: number; startY: number; from: Box; crop: Box } | null>(null);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const lastWasNudge = useRef(false);
  const canvas = useRef<HTMLCanvasElement>(null);

  const current = history[history.length - 1];
  const original = bitmap ? { width: bitmap.width, height: bitmap.height } : { width: 1, height: 1 };
  const turned = turnedSize(original, current.rotation);
  const scale = Math.min(1, DISPLAY.width / turned.width, DISPLAY.height / turned.height);
  const crop = dragging?.crop ?? current.crop ?? { x: 0, y: 0, ...turned };

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !bitmap) return;
    const { width, height } = context.canvas;
    context.save();
    context.clearRect(0, 0, width, height);
    context.scale(scale, scale);
    if (current.rotation === 90) context.translate(original.height, 0);
    if (current.rotation === 180) context.translate(original.width, original.height);
    if (current.rotation === 270) context.translate(0, original.width);
    context.rotate((current.rotation * Math.PI) / 180);
    context.drawImage(bitmap, 0, 0);
    context.restore();
  });

  function apply(next: ScanTransform, nudge = false) {
    setHistory((h) => (nudge && lastWasNudge.current ? [...h.slice(0, -1), next] : [...h, next]));
    lastWasNudge.current = nudge;
  }

  function undo() {
    lastWasNudge.current = false;
    setHistory((h) => (h.length > 1 ? h.slice(0, -1) : h));
  }

  function startDrag(handle: CropHandle, event: PointerEvent) {
    event.preventDefault();
    event.stopPropagation();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    setDragging({ handle, startX: event.clientX, startY: event.clientY, from: crop, crop });
  }

  function moveDrag(event: PointerEvent) {
    if (!dragging) return;
    const next = dragCrop(dragging.from, dragging.handle, (event.clientX - dragging.startX) / scale, (event.clientY - dragging.startY) / scale, turned);
    setDragging({ ...dragging, crop: next });
  }

  function endDrag() {
    if (!dragging) return;
    apply({ ...current, crop: dragging.crop });
    setDragging(null);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!ARROWS.has(event.key)) return;
    event.preventDefault();
    const step = Math.max(1, Math.round(Math.max(turned.width, turned.height) / (event.altKey ? 500 : 100)));
    apply({ ...current, crop: nudgeCrop(crop, event.key as ArrowKey, step, event.shiftKey, turned) }, true);
  }

  async function save() {
    setSaving(true);
    const saved = await transformScan(attachment.id, current);
    setSaving(false);
    // The reason is the slot's message; the slot is behind this dialog, so it shows here too.
    if (saved) onSaved();
    else setFailed(true);
  }

  if (image === 'failed') return <p className="message-error">{t('intake.viewer.unavailable')}</p>;
  if (!bitmap) return <p className="hint">{t('intake.viewer.loading')}</p>;
  if (tooLargeToEdit(original)) {
    return (
      <div className="scan-editor">
        <p className="message-error">{t('intake.editor.tooLarge', { megapixels: Math.round((original.width * original.height) / 1e6), limit: MAX_EDIT_PIXELS / 1e6 })}</p>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('intake.editor.cancel')}
          </button>
        </div>
      </div>
    );
  }
  const px = (value: number) => Math.round(value * scale);
  return (
    <div className="scan-editor">
      <div className="actions" role="toolbar" aria-label={t('intake.editor.tools', { name })}>
        <button type="button" onClick={() => apply(turnAnticlockwise(current, original))} autoFocus>
          {t('intake.editor.turnLeft')}
        </button>
        <button type="button" onClick={() => apply(turnClockwise(current, original))}>
          {t('intake.editor.turnRight')}
        </button>
        <button type="button" onClick={undo} disabled={history.length === 1}>
          {t('intake.editor.undo')}
        </button>
        <button type="button" onClick={() => apply(NO_TRANSFORM)} disabled={isIdentity(current, original)}>
          {t('intake.editor.reset')}
        </button>
        <button type="button" className="button-primary" onClick={() => void save()} disabled={saving || isIdentity(current, original)}>
          {t('intake.editor.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('intake.editor.cancel')}
        </button>
      </div>
      {failed && attachment.role !== 'avviso-rifiuto' && <NoticeLine place={attachment.role} />}
      <p className="hint" id="scan-editor-keys">
        {t('intake.editor.keys')}
      </p>
      <div className="scan-editor-stage" style={{ width: px(turned.width), height: px(turned.height) }} onPointerMove={moveDrag} onPointerUp={endDrag} onPointerCancel={endDrag}>
        <canvas ref={canvas} width={px(turned.width)} height={px(turned.height)} role="img" aria-label={t('intake.editor.image', { name })} />
        <div
          className="crop-selection"
          style={{ left: px(crop.x), top: px(crop.y), width: px(crop.width), height: px(crop.height) }}
          tabIndex={0}
          role="group"
          aria-label={t('intake.editor.selection', { x: crop.x, y: crop.y, width: crop.width, height: crop.height })}
          aria-describedby="scan-editor-keys"
          onKeyDown={onKeyDown}
          onPointerDown={(e) => startDrag('move', e)}
          data-crop={`${crop.x},${crop.y},${crop.width},${crop.height}`}
        >
          {CORNERS.map((corner) => (
            <span key={corner} className={`crop-handle crop-handle-${corner}`} data-handle={corner} onPointerDown={(e) => startDrag(corner, e)} />
          ))}
        </div>
      </div>
      <p className="hint">{t('intake.editor.result', { width: crop.width, height: crop.height, rotation: current.rotation })}</p>
    </div>
  );
}
