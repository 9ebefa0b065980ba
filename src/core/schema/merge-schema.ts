import {
  createSchemaNode,
  ENUM_TRACK_LIMIT,
  JSON_KINDS,
  MAX_DEPTH,
  MAX_PROPERTIES,
  STRING_FORMATS,
} from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** The identity element of mergeSchema; merging with it deep-copies the other side. */
const EMPTY: SchemaNode = Object.freeze(createSchemaNode());

type CountMap = Partial<Record<string, number>>;

// Inputs may be nodes parsed from storage (ordinary prototypes), so only own keys count:
// a missing `constructor` key must not resolve to Object.prototype.constructor.
function readOwn<T>(map: Partial<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

function sumCounts<K extends string>(
  a: CountMap | undefined,
  b: CountMap | undefined,
  order: readonly K[],
): Partial<Record<K, number>> | undefined {
  let out: Partial<Record<K, number>> | undefined;
  for (const key of order) {
    const total = (readOwn(a, key) ?? 0) + (readOwn(b, key) ?? 0);
    if (total > 0) (out ??= Object.create(null) as Partial<Record<K, number>>)[key] = total;
  }
  return out;
}

function sortedKeyUnion(a: object | undefined, b: object | undefined): string[] {
  const keys = new Set(a ? Object.keys(a) : []);
  if (b) for (const key of Object.keys(b)) keys.add(key);
  return [...keys].sort();
}

function mergeValues(
  a: Record<string, number> | null | undefined,
  b: Record<string, number> | null | undefined,
): Record<string, number> | null | undefined {
  if (a === undefined && b === undefined) return undefined;
  if (a === null || b === null) return null;
  const keys = sortedKeyUnion(a, b);
  // Overflow depends only on the union of distinct values, so it is merge-order free.
  if (keys.length > ENUM_TRACK_LIMIT) return null;
  const out = Object.create(null) as Record<string, number>;
  for (const key of keys) out[key] = (readOwn(a, key) ?? 0) + (readOwn(b, key) ?? 0);
  return out;
}

function mergeMin(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function mergeMax(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

function mergeOptional(
  a: SchemaNode | undefined,
  b: SchemaNode | undefined,
  depth: number,
): SchemaNode | undefined {
  if (a === undefined && b === undefined) return undefined;
  return mergeSchema(a ?? EMPTY, b ?? EMPTY, depth);
}

// Absent stays absent (not `undefined`-valued) so merged nodes deep-equal learned ones.
function assignDefined<K extends keyof SchemaNode>(
  out: SchemaNode,
  key: K,
  value: SchemaNode[K] | undefined,
): void {
  if (value !== undefined) out[key] = value;
}

function ownNodes(map: Record<string, SchemaNode> | undefined): SchemaNode[] {
  return map ? Object.keys(map).flatMap((key) => readOwn(map, key) ?? []) : [];
}

/**
 * An object node collapses to `additionalProperties` when the union of keys ever seen
 * exceeds MAX_PROPERTIES, and stays collapsed: both depend only on the set of all keys,
 * and the collapsed node is the merge of every property node, so any merge order agrees.
 */
function mergeObjectPart(out: SchemaNode, a: SchemaNode, b: SchemaNode, depth: number): void {
  const keys = sortedKeyUnion(a.properties, b.properties);
  const collapsed =
    a.additionalProperties !== undefined ||
    b.additionalProperties !== undefined ||
    keys.length > MAX_PROPERTIES;
  if (collapsed) {
    const parts = [
      ...(a.additionalProperties ? [a.additionalProperties] : []),
      ...(b.additionalProperties ? [b.additionalProperties] : []),
      ...ownNodes(a.properties),
      ...ownNodes(b.properties),
    ];
    out.additionalProperties = parts.reduce(
      (acc, part) => mergeSchema(acc, part, depth + 1),
      createSchemaNode(),
    );
    return;
  }
  if (keys.length === 0) return;
  const properties = Object.create(null) as Record<string, SchemaNode>;
  for (const key of keys) {
    const merged = mergeOptional(readOwn(a.properties, key), readOwn(b.properties, key), depth + 1);
    if (merged) properties[key] = merged;
  }
  out.properties = properties;
}

/**
 * Merges two nodes learned from disjoint samples into a new node, as if one node had
 * seen all the samples. Pure (inputs are not mutated, nothing is shared with them),
 * associative and commutative with deep-equal results; map keys come out sorted.
 * `depth` is where the nodes sit in their document (0 = root) and applies MAX_DEPTH,
 * which also bounds recursion over nodes read from storage.
 */
export function mergeSchema(a: SchemaNode, b: SchemaNode, depth = 0): SchemaNode {
  const out: SchemaNode = {
    count: a.count + b.count,
    nullCount: a.nullCount + b.nullCount,
    types: sumCounts(a.types, b.types, JSON_KINDS) ?? (Object.create(null) as SchemaNode['types']),
  };
  if (depth >= MAX_DEPTH) {
    // Same rule as observeValue: past the cap only kinds are counted.
    if (a.depthLimited || b.depthLimited || Object.keys(out.types).length > 0) {
      out.depthLimited = true;
    }
    return out;
  }
  assignDefined(out, 'formats', sumCounts(a.formats, b.formats, STRING_FORMATS));
  assignDefined(out, 'minLength', mergeMin(a.minLength, b.minLength));
  assignDefined(out, 'maxLength', mergeMax(a.maxLength, b.maxLength));
  assignDefined(out, 'values', mergeValues(a.values, b.values));
  assignDefined(out, 'minimum', mergeMin(a.minimum, b.minimum));
  assignDefined(out, 'maximum', mergeMax(a.maximum, b.maximum));
  mergeObjectPart(out, a, b, depth);
  assignDefined(out, 'items', mergeOptional(a.items, b.items, depth + 1));
  assignDefined(out, 'minItems', mergeMin(a.minItems, b.minItems));
  assignDefined(out, 'maxItems', mergeMax(a.maxItems, b.maxItems));
  if (a.depthLimited || b.depthLimited) out.depthLimited = true;
  return out;
}
