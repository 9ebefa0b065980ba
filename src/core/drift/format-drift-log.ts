import { describeEndpoint } from './describe-endpoint.js';
import type { DriftChange } from './drift-change.js';
import { fieldContext } from './field-context.js';
import type { DriftEndpoint } from './narrated-change.js';
import { scoreDrift } from './score-drift.js';
import { summarizeDrift } from './summarize-drift.js';
import { toDisplayName } from './to-display-name.js';

/** Change lines per log entry; the rest is counted, so one noisy body cannot flood the console. */
const LOGGED_CHANGES = 20;

function describeChange(change: DriftChange): string {
  const rename =
    change.renamedTo !== undefined
      ? `, renamed to ${toDisplayName(change.renamedTo)}`
      : change.renamedFrom !== undefined
        ? `, renamed from ${toDisplayName(change.renamedFrom)}`
        : '';
  const context = fieldContext(change.field);
  const about = context === undefined ? '' : ` [${context}]`;
  const values = `${toDisplayName(change.expected, 80)} → ${toDisplayName(change.actual, 80)}`;
  return `  ${change.severity.padEnd(8)} ${change.kind} ${change.path}: ${values}${rename}${about}`;
}

/**
 * Compact console form of a drift: a header line (endpoint, score, summary) and one line per
 * change (severity, kind, path, expected → actual, rename, context), at most 20 lines of
 * changes. Every untrusted name is made single-line first.
 */
export function formatDriftLog(changes: readonly DriftChange[], endpoint: DriftEndpoint): string {
  const header = `drift ${describeEndpoint(endpoint)} score ${scoreDrift(changes)}: ${summarizeDrift(changes)}`;
  const lines = changes.slice(0, LOGGED_CHANGES).map(describeChange);
  if (changes.length > LOGGED_CHANGES)
    lines.push(`  … and ${changes.length - LOGGED_CHANGES} more`);
  return [header, ...lines].join('\n');
}
