import type { ObservedRange } from '../schema/schema-read.js';

/** Samples from which an observed range is taken as a hard bound. */
export const RANGE_TRUST_SAMPLES = 20;

/** A range to generate within, and whether it is the observed one or a widened guess. */
export interface EvidenceRange extends ObservedRange {
  trusted: boolean;
}

/**
 * Turns an observed range into bounds for generation. Backed by RANGE_TRUST_SAMPLES samples
 * it is used as is. With less evidence a range is mostly an accident of the few samples
 * (one sample of 42 gives [42, 42]), so it is widened: values by half their magnitude
 * (never below 0 when nothing negative was seen), sizes (lengths, item counts) to
 * [min/2, 2·max + 2].
 */
export function evidenceRange(
  observed: ObservedRange | undefined,
  samples: number,
  scale: 'value' | 'size',
): EvidenceRange | undefined {
  if (!observed) return undefined;
  if (samples >= RANGE_TRUST_SAMPLES) return { ...observed, trusted: true };
  const { min, max } = observed;
  if (scale === 'size') {
    return { min: Math.floor(min / 2), max: 2 * max + 2, trusted: false };
  }
  const pad = 0.5 * Math.max(1, Math.abs(min), Math.abs(max), max - min);
  return { min: min >= 0 ? Math.max(0, min - pad) : min - pad, max: max + pad, trusted: false };
}
