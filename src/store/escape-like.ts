/** Escapes LIKE wildcards so a search for `%` or `_` matches those characters literally. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
