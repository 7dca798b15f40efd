import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { ScanRole } from '../../shared/case/case';
import { useTranslation } from '../i18n/use-translation';
import { CameraCapture } from './CameraCapture';
import { NoticeLine } from './NoticeLine';
import { PageCanvas } from './PageCanvas';
import { ScanActions } from './ScanActions';
import { ScanViewer } from './ScanViewer';
import { useIntake } from './intake-session';

const ACCEPT = 'image/jpeg,image/png,image/tiff,application/pdf,.jpg,.jpeg,.png,.tif,.tiff,.pdf';

/** One place a page belongs to (form, ID front, ID back): picker, drop zone, camera, thumbnails. */
export function CaptureSlot({ role }: { role: ScanRole }) {
  const t = useTranslation();
  const allAttachments = useIntake((s) => s.attachments);
  const attachments = allAttachments.filter((a) => a.role === role);
  const previews = useIntake((s) => s.previews);
  const attachFile = useIntake((s) => s.attachFile);
  const notify = useIntake((s) => s.notify);
  const picker = useRef<HTMLInputElement>(null);
  const [cameraOpen, setCameraOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [viewing, setViewing] = useState<{ name: string; id: string } | null>(null);
  const viewed = attachments.find((a) => a.id === viewing?.id);
  const headingId = `slot-${role}`;

  async function addFiles(files: FileList | File[]) {
    for (const file of Array.from(files)) await attachFile(role, file.name, new Uint8Array(await file.arrayBuffer()));
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  }

  const cameraProblem = useCallback((key: Parameters<typeof notify>[0]['key']) => {
    setCameraOpen(false);
    notify({ place: role, kind: 'error', key, params: {} });
  }, [notify, role]);

  return (
    <section className={`capture-slot${dragging ? ' dragging' : ''}`} aria-labelledby={headingId} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={drop} data-role={role}>
      <h4 id={headingId}>{t(`intake.role.${role}`)}</h4>
      <p className="hint">{t('intake.capture.drop')}</p>
      <div className="actions">
        <button type="button" onClick={() => picker.current?.click()}>
          {t('intake.capture.choose')}
        </button>
        <button type="button" onClick={() => setCameraOpen(true)} disabled={cameraOpen}>
          {t('intake.capture.camera')}
        </button>
      </div>
      <input
        ref={picker}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        aria-label={`${t('intake.capture.choose')}: ${t(`intake.role.${role}`)}`}
        onChange={(e) => {
          if (e.target.files) void addFiles(e.target.files);
          e.target.value = '';
        }}
      />
      {cameraOpen && (
        <CameraCapture
          onCapture={(jpeg) => void attachFile(role, `${t('intake.capture.camera')} ${new Date().toLocaleTimeString('it-IT')}.jpg`, jpeg)}
          onClose={() => setCameraOpen(false)}
          onProblem={cameraProblem}
        />
      )}
      <NoticeLine place={role} />
      {attachments.length === 0 ? (
        <p className="hint">{t('intake.capture.none')}</p>
      ) : (
        <ul className="thumbnails">
          {attachments.map((attachment, index) => {
            const url = previews[attachment.id];
            const name = `${t(`intake.role.${role}`)} ${index + 1}`;
            return (
              <li key={attachment.id}>
                <button type="button" className="thumbnail" onClick={() => setViewing({ name, id: attachment.id })} aria-label={`${t('intake.capture.view')}: ${name}`}>
                  {/* Chromium shows JPEG and PNG itself; a PDF or TIFF page is drawn from its decoded pixels. */}
                  {url && (attachment.mimeType === 'image/jpeg' || attachment.mimeType === 'image/png') ? <img src={url} alt="" /> : <PageCanvas attachmentId={attachment.id} mimeType={attachment.mimeType} width={112} label="" />}
                </button>
                <ScanActions attachmentId={attachment.id} role={role} name={name} />
              </li>
            );
          })}
        </ul>
      )}
      {viewed && viewing && <ScanViewer attachment={viewed} name={viewing.name} onClose={() => setViewing(null)} />}
    </section>
  );
}
