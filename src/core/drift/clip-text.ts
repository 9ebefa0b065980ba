/**
 * Shortens text to at most `max` UTF-16 units, marking the cut with `…`. Keys and values
 * come from untrusted bodies, so anything copied into a change, a path or a log is bounded.
 */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
