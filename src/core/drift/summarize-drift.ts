import { countSeverities } from './count-severities.js';
import type { DriftChange } from './drift-change.js';
import { listRenames } from './list-renames.js';
import { toDisplayName } from './to-display-name.js';

/** Renames named in a summary; past this only their number is given. */
const NAMED_RENAMES = 2;
const MAX_NAME = 40;

function countOf(count: number, singular: string): string {
  return `${count} ${singular}${count === 1 ? '' : 's'}`;
}

/**
 * One-line summary: "2 critical issues, 1 warning, 1 new field" (BREAKING = critical issue,
 * WARNING = warning, INFO = new field, the only INFO kind), empty parts omitted, then any
 * likely renames: "… (likely rename: user_id → userId)". "no changes" for an empty list.
 */
export function summarizeDrift(changes: readonly DriftChange[]): string {
  const counts = countSeverities(changes);
  const parts = [
    counts.BREAKING > 0 ? countOf(counts.BREAKING, 'critical issue') : '',
    counts.WARNING > 0 ? countOf(counts.WARNING, 'warning') : '',
    counts.INFO > 0 ? countOf(counts.INFO, 'new field') : '',
  ].filter((part) => part !== '');
  if (parts.length === 0) return 'no changes';
  const renames = listRenames(changes);
  const summary = parts.join(', ');
  if (renames.length === 0) return summary;
  if (renames.length > NAMED_RENAMES) return `${summary} (${renames.length} likely renames)`;
  const named = renames
    .map(({ from, to }) => `${toDisplayName(from, MAX_NAME)} → ${toDisplayName(to, MAX_NAME)}`)
    .join(', ');
  return `${summary} (likely rename${renames.length === 1 ? '' : 's'}: ${named})`;
}
