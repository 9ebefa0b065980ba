import { clipText } from './clip-text.js';

/** Field names shown in prose are cut to this length. */
const MAX_DISPLAY_LENGTH = 60;

/**
 * A field name (or other untrusted text) fit for one line of prose or a log: control and
 * line-separator characters become `�` so a hostile key cannot forge log lines, and long
 * names are cut. Escaping for HTML stays the UI's job.
 */
export function toDisplayName(name: string, max = MAX_DISPLAY_LENGTH): string {
  return clipText(name.replace(/[\p{Cc}\u2028\u2029]/gu, '\uFFFD'), max);
}
