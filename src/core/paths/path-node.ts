import { detectParamSegment, isParamKind, type DetectedParam } from './detect-segment.js';
import { isHotLiteral, mergeLiteralTrackers, type LiteralTracker } from './literal-tracker.js';
import type { TemplateEdge } from './name-params.js';
import { escapeTemplateLiteral } from './parse-template.js';
import { MAX_SEGMENTS } from './path-limits.js';

/**
 * One node of the template trie (shared by all methods: a position that holds ids under
 * GET holds ids under DELETE too). A node is an endpoint for each method in `methods`.
 * Children are tried in this order: literal, then the parameter child, then detected kinds.
 */
export interface PathNode {
  /** Literal children by escaped segment (see escapeTemplateLiteral). */
  literals: Map<string, PathNode>;
  /** Children for detected segments, keyed by kind + suffix (`id`, `id.json`). */
  detected: Map<string, PathNode>;
  /** Parameter child (promoted or pinned): takes every segment no literal child takes. */
  param: PathNode | undefined;
  /** Name given to `param` by a rule; while set, only pinned literals stay beside it. */
  paramPin: string | undefined;
  /** Literal children pinned by rules: never detected, tracked, promoted or folded. */
  pinned: Set<string>;
  /** Hot literal children kept literal when this position was promoted. */
  kept: Set<string>;
  /** Cardinality evidence of the literal children; dropped once the position is a parameter. */
  tracker: LiteralTracker | undefined;
  methods: Set<string>;
  /** Current template (valid while `methods` is not empty) and its parameter names. */
  template: string;
  paramNames: string[];
  /** Set on a node merged away, so old endpoints can be followed to their new template. */
  mergedInto: PathNode | undefined;
}

/** The way from a node to its child for one segment, as chosen by stepSegment. */
export interface SegmentStep {
  edge: TemplateEdge;
  /** The existing child, or undefined when observing would create it. */
  child: PathNode | undefined;
  /** Parameter value (suffix removed) when the edge is a parameter. */
  value?: string;
  /** Key in `detected` when the edge is a detected parameter. */
  detectedKey?: string;
}

// The trie is at most MAX_SEGMENTS deep; one extra level leaves room for the root.
const MAX_DEPTH = MAX_SEGMENTS + 1;

export function createPathNode(): PathNode {
  return {
    literals: new Map(),
    detected: new Map(),
    param: undefined,
    paramPin: undefined,
    pinned: new Set(),
    kept: new Set(),
    tracker: undefined,
    methods: new Set(),
    template: '',
    paramNames: [],
    mergedInto: undefined,
  };
}

/** Throws when a walk goes deeper than any trie built from split paths can be. */
export function checkDepth(depth: number): void {
  if (depth > MAX_DEPTH) throw new RangeError(`path trie deeper than ${MAX_DEPTH} levels`);
}

export function toDetectedKey(detected: DetectedParam): string {
  return detected.kind + detected.suffix;
}

export function fromDetectedKey(key: string): DetectedParam | undefined {
  const dot = key.indexOf('.');
  const kind = dot === -1 ? key : key.slice(0, dot);
  return isParamKind(kind) ? { kind, suffix: dot === -1 ? '' : key.slice(dot) } : undefined;
}

/** Picks the child `segment` leads to, in the one priority order observe and describe share. */
export function stepSegment(node: PathNode | undefined, segment: string): SegmentStep {
  const key = escapeTemplateLiteral(segment);
  const literal = node?.literals.get(key);
  if (literal) return { edge: { type: 'literal', value: key }, child: literal };
  if (node?.param) {
    const edge: TemplateEdge = {
      type: 'param',
      kind: 'promoted',
      suffix: '',
      pinnedName: node.paramPin,
    };
    return { edge, child: node.param, value: segment };
  }
  const detected = detectParamSegment(segment);
  if (!detected) return { edge: { type: 'literal', value: key }, child: undefined };
  const detectedKey = toDetectedKey(detected);
  return {
    edge: { type: 'param', kind: detected.kind, suffix: detected.suffix },
    child: node?.detected.get(detectedKey),
    value: segment.slice(0, segment.length - detected.suffix.length),
    detectedKey,
  };
}

/** Makes the position below `node` a parameter, keeping pinned and hot literals. */
export function promoteToParam(node: PathNode, depth: number): void {
  const tracker = node.tracker;
  if (tracker) {
    for (const literal of node.literals.keys()) {
      if (isHotLiteral(tracker, literal)) node.kept.add(literal);
    }
  }
  node.param ??= createPathNode();
  foldIntoParam(node, depth);
}

/**
 * Merges into the parameter child every child it now stands for: all detected children, and
 * all literal children except pinned ones and (unless the parameter is pinned) kept ones.
 */
export function foldIntoParam(node: PathNode, depth: number): void {
  const param = node.param;
  if (!param) return;
  node.tracker = undefined;
  for (const [key, child] of [...node.detected]) {
    node.detected.delete(key);
    mergePathNodes(param, child, depth + 1);
  }
  const pinnedOnly = node.paramPin !== undefined;
  for (const [literal, child] of [...node.literals]) {
    if (node.pinned.has(literal) || (!pinnedOnly && node.kept.has(literal))) continue;
    node.literals.delete(literal);
    node.kept.delete(literal);
    mergePathNodes(param, child, depth + 1);
  }
}

/** Moves everything `from` learned into `into`, recursively; `from` is then detached. */
export function mergePathNodes(into: PathNode, from: PathNode, depth: number): void {
  checkDepth(depth);
  from.mergedInto = into;
  for (const method of from.methods) into.methods.add(method);
  for (const literal of from.pinned) into.pinned.add(literal);
  for (const literal of from.kept) into.kept.add(literal);
  mergeChildren(into.literals, from.literals, depth);
  mergeChildren(into.detected, from.detected, depth);
  if (from.param) {
    if (into.param) mergePathNodes(into.param, from.param, depth + 1);
    else into.param = from.param;
  }
  into.paramPin ??= from.paramPin;
  if (from.tracker) {
    if (into.tracker) mergeLiteralTrackers(into.tracker, from.tracker);
    else into.tracker = from.tracker;
  }
  foldIntoParam(into, depth);
}

function mergeChildren(into: Map<string, PathNode>, from: Map<string, PathNode>, depth: number) {
  for (const [key, child] of from) {
    const mine = into.get(key);
    if (mine) mergePathNodes(mine, child, depth + 1);
    else into.set(key, child);
  }
}

/** Calls `visit` for each child with the edge that leads to it. */
export function forEachChild(
  node: PathNode,
  visit: (edge: TemplateEdge, child: PathNode) => void,
): void {
  for (const [value, child] of node.literals) visit({ type: 'literal', value }, child);
  for (const [key, child] of node.detected) {
    const detected = fromDetectedKey(key);
    if (detected) visit({ type: 'param', kind: detected.kind, suffix: detected.suffix }, child);
  }
  if (node.param) {
    visit({ type: 'param', kind: 'promoted', suffix: '', pinnedName: node.paramPin }, node.param);
  }
}

/** Every endpoint node at or below `node`, with its current template. */
export function collectEndpointNodes(
  node: PathNode,
  found: [PathNode, string][] = [],
  depth = 0,
): [PathNode, string][] {
  checkDepth(depth);
  if (node.methods.size > 0) found.push([node, node.template]);
  forEachChild(node, (_edge, child) => collectEndpointNodes(child, found, depth + 1));
  return found;
}

/** Number of (method, template) endpoints at or below `node`. */
export function countEndpoints(node: PathNode, depth = 0): number {
  checkDepth(depth);
  let count = node.methods.size;
  forEachChild(node, (_edge, child) => (count += countEndpoints(child, depth + 1)));
  return count;
}
