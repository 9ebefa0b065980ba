import type { Rng } from '../random.js';

/** Content type of a corrupted response (served with status 200). */
export const CORRUPT_CONTENT_TYPE = 'text/plain';
/** Marker inside every corrupted body, so clients and tests can recognise it. */
export const CORRUPT_MARKER = 'CORRUPTED_STREAM';

/** The zombie body of the prototype: 5–20 × `xXx`, the marker, 5–20 × `xXx`. */
export function corruptBody(rng: Rng): string {
  return 'xXx'.repeat(rng.int(5, 20)) + CORRUPT_MARKER + 'xXx'.repeat(rng.int(5, 20));
}
