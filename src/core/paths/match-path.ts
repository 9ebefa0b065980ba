import { detectParamSegment, detectSegment } from './detect-segment.js';
import { formatTemplate } from './format-template.js';
import type { TemplateEdge } from './name-params.js';
import { escapeTemplateLiteral } from './parse-template.js';
import { TOKEN_MASK } from './path-limits.js';
import { stepSegment, toDetectedKey, type PathNode } from './path-node.js';

/** The template a path belongs to, without learning anything. */
export interface PathMatch {
  template: string;
  /** Parameter values by name; `{token}`-shaped values are replaced by TOKEN_MASK. */
  params: Record<string, string>;
  /** True when this method + template is a learned endpoint. */
  known: boolean;
  overflow?: true;
}

/**
 * Trie nodes one lookup may visit. Backtracking (a literal branch that dead-ends, then the
 * parameter branch) is the only way to exceed one node per segment; the budget keeps an
 * adversarial trie from making a lookup expensive.
 */
export const MATCH_VISIT_BUDGET = 256;

interface Search {
  method: string;
  segments: readonly string[];
  values: string[];
  budget: number;
  fallback: PathNode | undefined;
  fallbackValues: string[];
}

/**
 * Finds the endpoint for `method` + `segments`, preferring literal children, then the
 * parameter child, then detected kinds, with backtracking. When the template is known only for
 * other methods, returns it with `known: false`; when nothing matches, returns the template
 * observing the path would give (also `known: false`).
 */
export function matchPath(root: PathNode, method: string, segments: readonly string[]): PathMatch {
  const search: Search = {
    method,
    segments,
    values: [],
    budget: MATCH_VISIT_BUDGET,
    fallback: undefined,
    fallbackValues: [],
  };
  const found = visit(root, 0, search);
  if (found) return toMatch(found.template, found.paramNames, search.values, true);
  const fallback = search.fallback;
  if (fallback)
    return toMatch(fallback.template, fallback.paramNames, search.fallbackValues, false);
  return describePath(root, segments);
}

/** Builds the params record; shared by observe so both mask token values the same way. */
export function buildParams(
  names: readonly string[],
  values: readonly string[],
): Record<string, string> {
  const params = Object.create(null) as Record<string, string>;
  for (const [index, name] of names.entries()) {
    const value = values[index] ?? '';
    params[name] = detectSegment(value) === 'token' ? TOKEN_MASK : value;
  }
  return params;
}

function toMatch(
  template: string,
  names: readonly string[],
  values: readonly string[],
  known: boolean,
): PathMatch {
  return { template, params: buildParams(names, values), known };
}

function visit(node: PathNode, index: number, search: Search): PathNode | undefined {
  if (search.budget-- <= 0) return undefined;
  const segment = search.segments[index];
  if (segment === undefined) {
    if (node.methods.has(search.method)) return node;
    if (node.methods.size > 0 && !search.fallback) {
      search.fallback = node;
      search.fallbackValues = [...search.values];
    }
    return undefined;
  }
  const literal = node.literals.get(escapeTemplateLiteral(segment));
  const viaLiteral = literal && visit(literal, index + 1, search);
  if (viaLiteral) return viaLiteral;
  if (node.param) return visitParam(node.param, segment, index, search);
  if (node.detected.size === 0) return undefined;
  const detected = detectParamSegment(segment);
  const child = detected && node.detected.get(toDetectedKey(detected));
  if (!detected || !child) return undefined;
  return visitParam(
    child,
    segment.slice(0, segment.length - detected.suffix.length),
    index,
    search,
  );
}

function visitParam(
  child: PathNode,
  value: string,
  index: number,
  search: Search,
): PathNode | undefined {
  search.values.push(value);
  const found = visit(child, index + 1, search);
  if (!found) search.values.pop();
  return found;
}

/** The template of an unknown path: greedy walk along the trie, detection beyond it. */
function describePath(root: PathNode, segments: readonly string[]): PathMatch {
  const edges: TemplateEdge[] = [];
  const values: string[] = [];
  let node: PathNode | undefined = root;
  for (const segment of segments) {
    const step = stepSegment(node, segment);
    edges.push(step.edge);
    if (step.value !== undefined) values.push(step.value);
    node = step.child;
  }
  const { template, paramNames } = formatTemplate(edges);
  return toMatch(template, paramNames, values, false);
}
