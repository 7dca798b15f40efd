import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../shared/i18n/messages-it';
import { useTranslation } from '../i18n/use-translation';

function cameraProblem(error: unknown): MessageKey {
  const name = (error as { name?: string }).name;
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'intake.camera.missing';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'intake.camera.denied';
  return 'intake.camera.failed';
}

/**
 * Live preview from a webcam or document camera and a still capture as JPEG. The stream is
 * stopped as soon as the preview closes, so the camera light never stays on.
 */
export function CameraCapture({ onCapture, onClose, onProblem }: { onCapture: (jpeg: Uint8Array) => void; onClose: () => void; onProblem: (key: MessageKey) => void }) {
  const t = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);

  useEffect(() => {
    let active: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((track) => track.stop());
        active = s;
        setStream(s);
        if (video.current) video.current.srcObject = s;
      })
      .catch((error: unknown) => {
        if (!cancelled) onProblem(cameraProblem(error));
      });
    return () => {
      cancelled = true;
      active?.getTracks().forEach((track) => track.stop());
    };
  }, [onProblem]);

  async function shoot() {
    const element = video.current;
    if (!element || !element.videoWidth) return;
    const canvas = new OffscreenCanvas(element.videoWidth, element.videoHeight);
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    onCapture(new Uint8Array(await blob.arrayBuffer()));
  }

  return (
    <div className="camera">
      <video ref={video} autoPlay playsInline muted aria-label={t('intake.capture.cameraPreview')} className="camera-preview" />
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void shoot()} disabled={!stream}>
          {t('intake.capture.shoot')}
        </button>
        <button type="button" onClick={onClose}>
          {t('intake.capture.closeCamera')}
        </button>
      </div>
    </div>
  );
}
