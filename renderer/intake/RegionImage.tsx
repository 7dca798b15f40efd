import { memo } from 'react';
import { regionView, type ScanRegion } from '../../shared/intake/read-regions';
import { PageCanvas } from './PageCanvas';
import { useIntake } from './intake-session';

/** Small enough to sit in a table cell, large enough to read a line of print. */
const MAX_WIDTH = 280;
const MAX_HEIGHT = 72;

/** The piece of the scan a value was read from, its box framed; nothing when there is none. Memoised: regions keep their identity while the reading does. */
export const RegionImage = memo(function RegionImage({ region, label }: { region: ScanRegion | null; label: string }) {
  const attachment = useIntake((s) => (region ? s.attachments.find((a) => a.id === region.attachmentId) : undefined));
  if (!region || !attachment) return null;
  const view = regionView(region);
  const width = Math.max(24, Math.round(Math.min(MAX_WIDTH, (view.width * MAX_HEIGHT) / view.height)));
  return (
    <span className="read-region" data-region={region.attachmentId}>
      <PageCanvas attachmentId={attachment.id} mimeType={attachment.mimeType} page={region.page} width={width} label={label} source={view} outline={region.box} space={{ width: region.imageWidth, height: region.imageHeight }} />
    </span>
  );
});
