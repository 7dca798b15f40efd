import type { FieldSource, IdDocumentField } from '../identity/types';
import type { Box } from './raster';

/** One value read for one field, with where it came from and where it is on the side image. */
export interface FieldCandidate {
  value: string;
  source: FieldSource;
  /** 0..1 */
  confidence: number;
  box: Box | null;
}

export type FieldCandidates = Partial<Record<IdDocumentField, FieldCandidate>>;

export function fromLine(value: string, line: { confidence: number; box: Box }, source: FieldSource = 'viz'): FieldCandidate {
  return { value, source, confidence: Math.max(0, Math.min(1, line.confidence / 100)), box: line.box };
}
