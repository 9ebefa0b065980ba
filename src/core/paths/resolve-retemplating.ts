import type { PathNode } from './path-node.js';

/** Old templates whose endpoints now belong to `to`: the pipeline merges their models into it. */
export interface TemplateMerge {
  from: string[];
  to: string;
}

/** How the templates known before a restructuring map onto the templates after it. */
export interface Retemplating {
  /** Every template known before → its template now (unchanged ones map to themselves). */
  templates: Record<string, string>;
  /** Only the changes, grouped by new template. */
  merges: TemplateMerge[];
}

/**
 * Follows each endpoint node captured before a restructuring (collectEndpointNodes) to the node
 * it lives in now, after templates were refreshed.
 */
export function resolveRetemplating(
  before: readonly (readonly [PathNode, string])[],
): Retemplating {
  const templates = Object.create(null) as Record<string, string>;
  const sources = new Map<string, string[]>();
  for (const [node, old] of before) {
    let current = node;
    // Finite: mergedInto is set only on nodes leaving the trie and points into the trie.
    while (current.mergedInto) current = current.mergedInto;
    templates[old] = current.template;
    if (current.template === old) continue;
    const from = sources.get(current.template);
    if (from) from.push(old);
    else sources.set(current.template, [old]);
  }
  return { templates, merges: [...sources].map(([to, from]) => ({ from, to })) };
}
