import {
  createLiteralTracker,
  DEFAULT_PROMOTION_POLICY,
  recordLiteral,
  shouldPromote,
  type PromotionPolicy,
} from './literal-tracker.js';
import { applyPathRules } from './apply-path-rules.js';
import { formatTemplate } from './format-template.js';
import { buildParams, matchPath, type PathMatch } from './match-path.js';
import type { TemplateEdge } from './name-params.js';
import { OVERFLOW_TEMPLATE } from './path-limits.js';
import { fromPathNodeState, toPathNodeState, type PathLearnerState } from './path-learner-state.js';
import {
  collectEndpointNodes,
  countEndpoints,
  createPathNode,
  promoteToParam,
  stepSegment,
  type PathNode,
} from './path-node.js';
import { validatePathRules, type PathRule, type PathRuleError } from './path-rule.js';
import { refreshTemplates } from './refresh-templates.js';
import { resolveRetemplating, type TemplateMerge } from './resolve-retemplating.js';
import { splitPath } from './split-path.js';

export interface PathLearnerOptions {
  /**
   * Most (method, template) endpoints the learner holds. Once full, a path that would need a
   * new endpoint gets OVERFLOW_TEMPLATE (one bucket per method) and `overflow: true`;
   * cardinality is still counted, so later promotions can make room. Default 2000.
   */
  maxTemplates?: number;
  /** Overrides of DEFAULT_PROMOTION_POLICY. */
  promotion?: Partial<PromotionPolicy>;
  /** A state from toJSON() to resume from (the rules travel with it). */
  state?: PathLearnerState;
}

export interface ObserveResult {
  template: string;
  /** Parameter values by name; `{token}`-shaped values are replaced by TOKEN_MASK. */
  params: Record<string, string>;
  /** Set when this observation promoted a position: merge these endpoints' models. */
  merged?: TemplateMerge[];
  overflow?: true;
}

export type RetemplateResult =
  | {
      ok: true;
      /** Every template known before → its template now (unchanged ones map to themselves). */
      templates: Record<string, string>;
      merges: TemplateMerge[];
    }
  | { ok: false; errors: PathRuleError[] };

/** An endpoint key as the learner knows it. */
export interface LearnedEndpoint {
  method: string;
  template: string;
}

export interface PathLearner {
  /** Templates a request (learning cardinality and creating its endpoint when needed). */
  observe(method: string, path: string): ObserveResult;
  /** Looks a request up without learning: the proxy's hot path. */
  match(method: string, path: string): PathMatch;
  /** Replaces the pinned rules and re-templates learned data; invalid sets change nothing. */
  setRules(rules: readonly PathRule[]): RetemplateResult;
  rules(): PathRule[];
  listEndpoints(): LearnedEndpoint[];
  countEndpoints(): number;
  toJSON(): PathLearnerState;
}

export const DEFAULT_MAX_TEMPLATES = 2000;

/** Methods are tokens (RFC 9110 §5.6.2), at most this long; anything else overflows. */
const MAX_METHOD_LENGTH = 32;
const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Creates a learner, empty or resumed from `options.state` (throws RangeError if malformed). */
export function createPathLearner(options: PathLearnerOptions = {}): PathLearner {
  const maxTemplates = options.maxTemplates ?? DEFAULT_MAX_TEMPLATES;
  const policy: PromotionPolicy = { ...DEFAULT_PROMOTION_POLICY, ...options.promotion };
  let rules: PathRule[] = [];
  let root = createPathNode();
  if (options.state) {
    if (options.state.version !== 1) throw new RangeError('invalid path learner state: version');
    const validation = validatePathRules(options.state.rules);
    if (!validation.ok) throw new RangeError('invalid path learner state: rules');
    rules = copyRules(options.state.rules);
    root = fromPathNodeState(options.state.root);
    refreshTemplates(root, [], 0);
  }
  let endpoints = countEndpoints(root);

  /** Records a literal at `node`'s child position; promotes it when the policy says so. */
  function trackLiteral(node: PathNode, literal: string, prefix: TemplateEdge[]): TemplateMerge[] {
    const tracker = (node.tracker ??= createLiteralTracker());
    recordLiteral(tracker, literal);
    if (prefix.length === 0 || !shouldPromote(tracker, policy)) return [];
    const before = collectEndpointNodes(node);
    const countBefore = countEndpoints(node);
    promoteToParam(node, prefix.length);
    refreshTemplates(node, [...prefix], prefix.length);
    endpoints += countEndpoints(node) - countBefore;
    return resolveRetemplating(before).merges;
  }

  function observe(method: string, path: string): ObserveResult {
    const segments = isMethod(method) ? splitPath(path) : undefined;
    const merged: TemplateMerge[] = [];
    if (!segments) return overflow(merged);
    const edges: TemplateEdge[] = [];
    const values: string[] = [];
    let node = root;
    for (const segment of segments) {
      let step = stepSegment(node, segment);
      const literal = step.edge.type === 'literal' ? step.edge.value : undefined;
      if (literal !== undefined && !node.param && !node.pinned.has(literal)) {
        merged.push(...trackLiteral(node, literal, edges));
        // A promotion may have folded the literal child this segment was heading for.
        if (node.param) step = stepSegment(node, segment);
      }
      let child = step.child;
      if (!child) {
        if (endpoints >= maxTemplates) return overflow(merged);
        child = createPathNode();
        if (step.detectedKey !== undefined) node.detected.set(step.detectedKey, child);
        else if (step.edge.type === 'literal') node.literals.set(step.edge.value, child);
      }
      edges.push(step.edge);
      if (step.value !== undefined) values.push(step.value);
      node = child;
    }
    if (!node.methods.has(method)) {
      if (endpoints >= maxTemplates) return overflow(merged);
      if (node.methods.size === 0) {
        const formatted = formatTemplate(edges);
        node.template = formatted.template;
        node.paramNames = formatted.paramNames;
      }
      node.methods.add(method);
      endpoints++;
    }
    const result: ObserveResult = {
      template: node.template,
      params: buildParams(node.paramNames, values),
    };
    if (merged.length > 0) result.merged = merged;
    return result;
  }

  function match(method: string, path: string): PathMatch {
    const segments = isMethod(method) ? splitPath(path) : undefined;
    if (!segments)
      return {
        template: OVERFLOW_TEMPLATE,
        params: buildParams([], []),
        known: false,
        overflow: true,
      };
    return matchPath(root, method, segments);
  }

  function setRules(next: readonly PathRule[]): RetemplateResult {
    const validation = validatePathRules(next);
    if (!validation.ok) return validation;
    const before = collectEndpointNodes(root);
    applyPathRules(root, validation.patterns);
    refreshTemplates(root, [], 0);
    endpoints = countEndpoints(root);
    rules = copyRules(next);
    return { ok: true, ...resolveRetemplating(before) };
  }

  return {
    observe,
    match,
    setRules,
    rules: () => copyRules(rules),
    listEndpoints: () =>
      collectEndpointNodes(root).flatMap(([node, template]) =>
        [...node.methods].map((method) => ({ method, template })),
      ),
    countEndpoints: () => endpoints,
    toJSON: () => ({ version: 1, rules: copyRules(rules), root: toPathNodeState(root) }),
  };
}

function overflow(merged: TemplateMerge[]): ObserveResult {
  const result: ObserveResult = {
    template: OVERFLOW_TEMPLATE,
    params: buildParams([], []),
    overflow: true,
  };
  if (merged.length > 0) result.merged = merged;
  return result;
}

function isMethod(method: string): boolean {
  return method.length <= MAX_METHOD_LENGTH && METHOD_TOKEN.test(method);
}

function copyRules(rules: readonly PathRule[]): PathRule[] {
  return rules.map(({ pattern, kind }) => ({ pattern, kind }));
}
