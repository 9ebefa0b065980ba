import { detectParamSegment } from './detect-segment.js';
import { OVERFLOW_TEMPLATE, TOKEN_MASK } from './path-limits.js';
import { splitPath } from './split-path.js';

/**
 * The path as it may be stored (examples, traffic log): every segment the detectors tag
 * `{token}` becomes `{token}` (keeping a literal extension), other segments stay raw. The
 * result follows splitPath's rule (no query, no empty segments); an over-long path is never
 * examined and becomes OVERFLOW_TEMPLATE.
 */
export function redactPathTokens(path: string): string {
  const segments = splitPath(path);
  if (!segments) return OVERFLOW_TEMPLATE;
  let redacted = '';
  for (const segment of segments) {
    const detected = detectParamSegment(segment);
    redacted += detected?.kind === 'token' ? `/${TOKEN_MASK}${detected.suffix}` : `/${segment}`;
  }
  return redacted === '' ? '/' : redacted;
}
