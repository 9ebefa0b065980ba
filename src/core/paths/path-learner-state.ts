import { refreshTrackerCounts, TRACKED_LITERALS_LIMIT } from './literal-tracker.js';
import type { LiteralTracker } from './literal-tracker.js';
import { MAX_SEGMENT_LENGTH } from './path-limits.js';
import { checkDepth, createPathNode, fromDetectedKey, type PathNode } from './path-node.js';
import { isParamName } from './parse-template.js';
import type { PathRule } from './path-rule.js';

/**
 * The serialisable form of a path learner: plain JSON, children as [key, node] pairs (never
 * objects keyed by learned text, so `__proto__` is just data). Templates are not stored; they
 * are recomputed on load.
 */
export interface PathLearnerState {
  version: 1;
  rules: PathRule[];
  root: PathNodeState;
}

export interface PathNodeState {
  literals?: [string, PathNodeState][];
  detected?: [string, PathNodeState][];
  param?: PathNodeState;
  paramPin?: string;
  pinned?: string[];
  kept?: string[];
  methods?: string[];
  tracker?: { observations: number; untracked: number; hits: [number, number][] };
}

// Escaping `{`/`}` can triple a segment.
const MAX_LITERAL_LENGTH = 3 * MAX_SEGMENT_LENGTH;
const MAX_METHOD_LENGTH = 32;

/** Serialises a trie; omits empty parts to keep stored state small. */
export function toPathNodeState(node: PathNode, depth = 0): PathNodeState {
  checkDepth(depth);
  const state: PathNodeState = {};
  const pairs = (map: Map<string, PathNode>): [string, PathNodeState][] =>
    [...map].map(([key, child]) => [key, toPathNodeState(child, depth + 1)]);
  if (node.literals.size > 0) state.literals = pairs(node.literals);
  if (node.detected.size > 0) state.detected = pairs(node.detected);
  if (node.param) state.param = toPathNodeState(node.param, depth + 1);
  if (node.paramPin !== undefined) state.paramPin = node.paramPin;
  if (node.pinned.size > 0) state.pinned = [...node.pinned];
  if (node.kept.size > 0) state.kept = [...node.kept];
  if (node.methods.size > 0) state.methods = [...node.methods];
  if (node.tracker) {
    const { observations, untracked, hits } = node.tracker;
    state.tracker = { observations, untracked, hits: [...hits] };
  }
  return state;
}

/**
 * Rebuilds a trie from stored state. The state is treated as untrusted: every field is checked
 * and a malformed state throws a RangeError naming the problem, instead of loading garbage.
 */
export function fromPathNodeState(state: unknown, depth = 0): PathNode {
  checkDepth(depth);
  if (!isObject(state)) return invalid('node is not an object');
  const node = createPathNode();
  for (const [key, child] of pairsOf(state.literals, 'literals')) {
    node.literals.set(
      text(key, MAX_LITERAL_LENGTH, 'literal'),
      fromPathNodeState(child, depth + 1),
    );
  }
  for (const [key, child] of pairsOf(state.detected, 'detected')) {
    if (typeof key !== 'string' || !fromDetectedKey(key)) return invalid('bad detected key');
    node.detected.set(key, fromPathNodeState(child, depth + 1));
  }
  if (state.param !== undefined) node.param = fromPathNodeState(state.param, depth + 1);
  if (state.paramPin !== undefined) {
    if (typeof state.paramPin !== 'string' || !isParamName(state.paramPin)) {
      return invalid('bad paramPin');
    }
    node.paramPin = state.paramPin;
  }
  for (const key of listOf(state.pinned, 'pinned'))
    node.pinned.add(text(key, MAX_LITERAL_LENGTH, 'pinned'));
  for (const key of listOf(state.kept, 'kept'))
    node.kept.add(text(key, MAX_LITERAL_LENGTH, 'kept'));
  for (const method of listOf(state.methods, 'methods')) {
    node.methods.add(text(method, MAX_METHOD_LENGTH, 'method'));
  }
  if (state.tracker !== undefined) node.tracker = toTracker(state.tracker);
  return node;
}

function toTracker(state: unknown): LiteralTracker {
  if (!isObject(state)) return invalid('tracker is not an object');
  const hits = new Map<number, number>();
  for (const pair of listOf(state.hits, 'tracker hits').slice(0, TRACKED_LITERALS_LIMIT)) {
    if (!Array.isArray(pair)) return invalid('bad tracker entry');
    hits.set(count(pair[0]), count(pair[1]));
  }
  const tracker: LiteralTracker = {
    observations: count(state.observations),
    untracked: count(state.untracked),
    hits,
    distinct: 0,
    singletons: 0,
  };
  refreshTrackerCounts(tracker);
  return tracker;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown, what: string): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as unknown[]) : invalid(`${what} is not a list`);
}

function pairsOf(value: unknown, what: string): [unknown, unknown][] {
  return listOf(value, what).map((pair) =>
    Array.isArray(pair) && pair.length === 2
      ? ([pair[0], pair[1]] as [unknown, unknown])
      : invalid(`${what} entry is not a [key, node] pair`),
  );
}

function text(value: unknown, maxLength: number, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    return invalid(`bad ${what}`);
  }
  return value;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : invalid('bad count');
}

function invalid(problem: string): never {
  throw new RangeError(`invalid path learner state: ${problem}`);
}
