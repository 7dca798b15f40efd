import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { AttachmentMeta } from '../../shared/case/case';
import type { Box } from '../../shared/document-reading/raster';
import { autoStraightenAngle } from '../../shared/intake/auto-straighten';
import { dragCrop, isIdentity, nudgeCrop, NO_TRANSFORM, STRAIGHTEN_LIMIT, STRAIGHTEN_STEP, straighten, straightenedSize, turnAnticlockwise, turnClockwise, type ArrowKey, type CropHandle, type ScanTransform } from '../../shared/intake/scan-transform';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { useAppStore } from '../app/app-store';
import { useTranslation } from '../i18n/use-translation';
import { signedInWork } from '../store/session';
import { usePageImage } from './PageCanvas';
import { NoticeLine } from './NoticeLine';
import { useIntake } from './intake-session';
import { grayPreview } from './page-gray';
import { drawTransformed, editability, editDetail, MAX_EDIT_PIXELS, tooLargeToEdit, type Editability } from './scan-editing';

const DISPLAY = { width: 760, height: 520 };
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
const CORNERS: Exclude<CropHandle, 'move'>[] = ['nw', 'ne', 'sw', 'se'];

/** Steps of one kind in a row (arrow-key nudges, slider moves) are undone together. */
type StepKind = 'step' | 'nudge' | 'angle';

/** Whether this scan can be edited here, or why not; null while it is being found out. */
function useEditability(attachment: AttachmentMeta): Editability | null {
  const [found, setFound] = useState<{ key: string; value: Editability } | null>(null);
  const key = attachment.id;
  useEffect(() => {
    let live = true;
    editability(attachment, () => signedInWork().cases.readAttachment(attachment.id)).then(
      (value) => live && setFound({ key, value }),
      () => live && setFound({ key, value: { ok: true } }),
    );
    return () => {
      live = false;
    };
  }, [attachment, key]);
  return found?.key === key ? found.value : null;
}

/**
 * Straighten and crop one page of a scan: quarter turns, a small straightening angle (slider, or
 * measured from the document's edges), a crop selection moved by its handles or by the keyboard,
 * undo of each step; nothing changes in the case until the clerk saves.
 */
export function ScanEditor({ attachment, name, page = 1, onCancel, onSaved }: { attachment: AttachmentMeta; name: string; page?: number; onCancel: () => void; onSaved: () => void }) {
  const t = useTranslation();
  const locale = useAppStore((s) => s.locale);
  // Degrees as the clerk writes them: "+2,5" in Italian, a sign on every angle but 0.
  const degrees = (angle: number) => new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(angle);
  const transformScan = useIntake((s) => s.transformScan);
  const image = usePageImage(attachment.id, attachment.mimeType, page, editDetail(attachment.mimeType));
  const bitmap = image && image !== 'failed' ? image.bitmap : null;
  const pageCount = image && image !== 'failed' ? image.pageCount : null;
  const allowed = useEditability(attachment);
  const [history, setHistory] = useState<ScanTransform[]>([NO_TRANSFORM]);
  const [dragging, setDragging] = useState<{ handle: CropHandle; startX: number; startY: number; from: Box; crop: Box } | null>(null);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const [autoResult, setAutoResult] = useState<{ key: MessageKey; angle: number } | null>(null);
  const lastKind = useRef<StepKind>('step');
  const canvas = useRef<HTMLCanvasElement>(null);

  const current = history[history.length - 1];
  const original = bitmap ? { width: bitmap.width, height: bitmap.height } : { width: 1, height: 1 };
  const straightened = straightenedSize(original, current);
  const scale = Math.min(1, DISPLAY.width / straightened.width, DISPLAY.height / straightened.height);
  const crop = dragging?.crop ?? current.crop ?? { x: 0, y: 0, ...straightened };

  // The whole straightened image, redrawn on every render: the live preview of turn and angle.
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !bitmap) return;
    drawTransformed(context, bitmap, { ...current, crop: null }, scale);
  });

  function apply(next: ScanTransform, kind: StepKind = 'step') {
    setHistory((h) => (kind !== 'step' && lastKind.current === kind ? [...h.slice(0, -1), next] : [...h, next]));
    lastKind.current = kind;
  }

  function undo() {
    lastKind.current = 'step';
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
    const next = dragCrop(dragging.from, dragging.handle, (event.clientX - dragging.startX) / scale, (event.clientY - dragging.startY) / scale, straightened);
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
    const step = Math.max(1, Math.round(Math.max(straightened.width, straightened.height) / (event.altKey ? 500 : 100)));
    apply({ ...current, crop: nudgeCrop(crop, event.key as ArrowKey, step, event.shiftKey, straightened) }, 'nudge');
  }

  function autoStraighten() {
    if (!bitmap) return;
    const angle = autoStraightenAngle(grayPreview(bitmap));
    if (angle === null) return setAutoResult({ key: 'intake.editor.autoNotFound', angle: 0 });
    setAutoResult({ key: 'intake.editor.autoDone', angle });
    apply(straighten(current, original, angle));
  }

  async function save() {
    setSaving(true);
    const saved = await transformScan(attachment.id, current, page);
    setSaving(false);
    // The reason is the slot's message; the slot is behind this dialog, so it shows here too.
    if (saved) onSaved();
    else setFailed(true);
  }

  const cancelOnly = (message: string) => (
    <div className="scan-editor">
      <p className="message-error">{message}</p>
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('intake.editor.cancel')}
        </button>
      </div>
    </div>
  );

  if (image === 'failed') return <p className="message-error">{t('intake.viewer.unavailable')}</p>;
  if (!bitmap || !allowed) return <p className="hint">{t('intake.viewer.loading')}</p>;
  if (!allowed.ok) return cancelOnly(t('intake.editor.digitalForm'));
  if (tooLargeToEdit(original)) return cancelOnly(t('intake.editor.tooLarge', { megapixels: Math.round((original.width * original.height) / 1e6), limit: MAX_EDIT_PIXELS / 1e6 }));
  const px = (value: number) => Math.round(value * scale);
  const title = pageCount && pageCount > 1 ? `${name}, ${t('intake.viewer.page', { page, count: pageCount })}` : name;
  return (
    <div className="scan-editor">
      <div className="actions" role="toolbar" aria-label={t('intake.editor.tools', { name: title })}>
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
      <div className="straighten-control">
        <label htmlFor="scan-straighten">{t('intake.editor.straighten')}</label>
        <input
          id="scan-straighten"
          type="range"
          min={-STRAIGHTEN_LIMIT}
          max={STRAIGHTEN_LIMIT}
          step={STRAIGHTEN_STEP}
          value={current.angle}
          aria-valuetext={t('intake.editor.angleValue', { angle: degrees(current.angle) })}
          aria-describedby="scan-straighten-hint"
          onChange={(e) => apply(straighten(current, original, Number(e.target.value)), 'angle')}
        />
        <output htmlFor="scan-straighten" data-angle={current.angle}>
          {t('intake.editor.angleValue', { angle: degrees(current.angle) })}
        </output>
        <button type="button" onClick={autoStraighten}>
          {t('intake.editor.autoStraighten')}
        </button>
      </div>
      <p className="hint" id="scan-straighten-hint">
        {t('intake.editor.straightenHint')}
      </p>
      {autoResult && (
        <p className={autoResult.key === 'intake.editor.autoDone' ? 'message-ok' : 'message-error'} role="status">
          {t(autoResult.key, { angle: degrees(autoResult.angle) })}
        </p>
      )}
      {failed && attachment.role !== 'avviso-rifiuto' && <NoticeLine place={attachment.role} />}
      <p className="hint" id="scan-editor-keys">
        {t('intake.editor.keys')}
      </p>
      <div className="scan-editor-stage" style={{ width: px(straightened.width), height: px(straightened.height) }} onPointerMove={moveDrag} onPointerUp={endDrag} onPointerCancel={endDrag}>
        <canvas ref={canvas} width={px(straightened.width)} height={px(straightened.height)} role="img" aria-label={t('intake.editor.image', { name: title })} />
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
