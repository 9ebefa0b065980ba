import { clipText } from './clip-text.js';

/** Keys longer than this are cut in paths (a path names a place, it does not copy data). */
export const MAX_PATH_KEY_LENGTH = 128;

// RFC 9535 member-name shorthand, restricted to ASCII so every reader accepts it.
const SHORTHAND = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Appends a member to a JSONPath: `.name` when the key is a plain identifier, otherwise
 * bracket notation with a JSON-escaped string (`$["first name"]`, `$["a\nb"]`), so a
 * hostile key cannot break the path, the log line or the UI it ends up in.
 */
export function joinPath(path: string, key: string): string {
  const shown = clipText(key, MAX_PATH_KEY_LENGTH);
  return SHORTHAND.test(shown) ? `${path}.${shown}` : `${path}[${JSON.stringify(shown)}]`;
}
