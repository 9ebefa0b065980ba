import { describeEndpoint } from './describe-endpoint.js';
import type { DriftChange } from './drift-change.js';
import { narrateChange } from './narrate-change.js';
import type { DriftEndpoint, DriftNarration, NarratedChange } from './narrated-change.js';
import { scoreDrift } from './score-drift.js';
import { summarizeDrift } from './summarize-drift.js';
import { toDisplayName } from './to-display-name.js';

/** Field names listed in the closing recommendation; past this, "and N more". */
const LISTED_FIELDS = 8;

function describeItem(item: NarratedChange, change: DriftChange, position: number): string[] {
  return [
    `${position}. ${item.label}: ${item.headline}`,
    `   Where: ${item.path} (expected ${toDisplayName(change.expected, 200)}, got ${toDisplayName(change.actual, 200)})`,
    ...(item.context === undefined ? [] : [`   Context: relates to ${item.context}`]),
    `   Impact: ${item.impact}`,
    `   Action: ${item.action}`,
  ];
}

/** The closing advice when anything breaks: which fields to search for, and to version. */
function recommend(changes: readonly DriftChange[]): string[] {
  const breaking = changes.filter((change) => change.severity === 'BREAKING');
  if (breaking.length === 0) return [];
  const fields = [...new Set(breaking.map((change) => toDisplayName(change.field)))];
  const listed = fields.slice(0, LISTED_FIELDS).join(', ');
  const more = fields.length > LISTED_FIELDS ? ` and ${fields.length - LISTED_FIELDS} more` : '';
  const count = `${breaking.length} breaking change${breaking.length === 1 ? '' : 's'}`;
  return [
    `Recommended: ${count}. Search the frontend for ${listed}${more}; fix those reads before release, or coordinate a versioned endpoint (or a rollback) with the backend.`,
  ];
}

/**
 * Plain-English report of a drift for the alert and the explorer: a header (endpoint,
 * summary, score), then per change its label (BREAKING / WARNING / INFO), headline,
 * location, context, impact and action, and a closing recommendation when anything
 * breaks. `items` carries the same per-change content, in the same order, structured.
 */
export function narrateDrift(
  changes: readonly DriftChange[],
  endpoint: DriftEndpoint,
): DriftNarration {
  const where = describeEndpoint(endpoint);
  if (changes.length === 0) return { text: `No contract changes on ${where}.`, items: [] };
  const items = changes.map((change) => narrateChange(change, endpoint.target));
  const lines = [
    `Contract change on ${where}, drift score ${scoreDrift(changes)}/100: ${summarizeDrift(changes)}`,
  ];
  items.forEach((item, index) => {
    const change = changes[index];
    if (change !== undefined) lines.push(...describeItem(item, change, index + 1));
  });
  lines.push(...recommend(changes));
  return { text: lines.join('\n'), items };
}
