import { detectFormats } from './format-detect.js';
import { jsonKindOf as kindOf } from './json-kind-of.js';
import { mergeSchema } from './merge-schema.js';
import {
  createSchemaNode,
  ENUM_TRACK_LIMIT,
  ENUM_VALUE_MAX_LENGTH,
  MAX_DEPTH,
  MAX_PROPERTIES,
} from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** JSON Schema measures string lengths in code points, not UTF-16 units. */
function countCodePoints(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

type RangeKey = 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems';

function widenRange(node: SchemaNode, minKey: RangeKey, maxKey: RangeKey, value: number): void {
  const low = node[minKey];
  const high = node[maxKey];
  node[minKey] = low === undefined ? value : Math.min(low, value);
  node[maxKey] = high === undefined ? value : Math.max(high, value);
}

/** Counts a scalar under its JSON text; long strings are free text and end tracking. */
function trackValue(node: SchemaNode, value: string | number | boolean): void {
  if (node.values === null) return;
  if (typeof value === 'string' && value.length > ENUM_VALUE_MAX_LENGTH) {
    node.values = null;
    return;
  }
  const key = typeof value === 'string' ? JSON.stringify(value) : String(value);
  const values = (node.values ??= Object.create(null) as Record<string, number>);
  const seen = values[key];
  if (seen !== undefined) values[key] = seen + 1;
  else if (Object.keys(values).length >= ENUM_TRACK_LIMIT) node.values = null;
  else values[key] = 1;
}

function observeString(node: SchemaNode, value: string): void {
  widenRange(node, 'minLength', 'maxLength', countCodePoints(value));
  const matched = detectFormats(value);
  if (matched.length > 0) {
    const formats = (node.formats ??= Object.create(null) as NonNullable<SchemaNode['formats']>);
    for (const format of matched) formats[format] = (formats[format] ?? 0) + 1;
  }
  trackValue(node, value);
}

function observeArray(node: SchemaNode, value: readonly unknown[], depth: number): void {
  widenRange(node, 'minItems', 'maxItems', value.length);
  if (value.length === 0) return;
  const items = (node.items ??= createSchemaNode());
  for (const element of value) observeValue(items, element, depth + 1);
}

/** Merges every property node into one map-value node (see mergeSchema for the rule). */
function collapseProperties(node: SchemaNode, childDepth: number): SchemaNode {
  const properties = node.properties ?? {};
  let collapsed = createSchemaNode();
  for (const key of Object.keys(properties)) {
    const child = properties[key];
    if (child) collapsed = mergeSchema(collapsed, child, childDepth);
  }
  delete node.properties;
  node.additionalProperties = collapsed;
  return collapsed;
}

function addProperties(
  node: SchemaNode,
  value: Record<string, unknown>,
  unseen: readonly string[],
  childDepth: number,
): void {
  const knownCount = node.properties ? Object.keys(node.properties).length : 0;
  if (knownCount + unseen.length > MAX_PROPERTIES) {
    const shared = collapseProperties(node, childDepth);
    for (const key of unseen) observeValue(shared, value[key], childDepth);
    return;
  }
  const properties = (node.properties ??= Object.create(null) as Record<string, SchemaNode>);
  for (const key of unseen) {
    const child = createSchemaNode();
    properties[key] = child;
    observeValue(child, value[key], childDepth);
  }
}

function observeObject(node: SchemaNode, value: Record<string, unknown>, depth: number): void {
  const shared = node.additionalProperties;
  if (shared) {
    for (const key of Object.keys(value)) observeValue(shared, value[key], depth + 1);
    return;
  }
  // Known keys are learned right away; collapsing afterwards folds them in just the same.
  const properties = node.properties;
  let unseen: string[] | undefined;
  for (const key of Object.keys(value)) {
    const child = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (child) observeValue(child, value[key], depth + 1);
    // Members JSON cannot hold count as absent, as JSON.stringify would drop them.
    else if (kindOf(value[key]) !== undefined) (unseen ??= []).push(key);
  }
  if (unseen) addProperties(node, value, unseen, depth + 1);
}

/**
 * Learns one more sample into `node` in place (the pipeline's fast path). The result
 * deep-equals mergeSchema(node, inferSchema(value)). `depth` is the node's depth in its
 * document (0 = root): at MAX_DEPTH and below, values are counted by kind only and the
 * node is marked depthLimited, so recursion is bounded whatever the input. Values JSON
 * cannot represent (undefined, NaN, functions…) are ignored. `node` must come from
 * createSchemaNode, inferSchema or mergeSchema (null-prototype maps, so learned keys such
 * as `__proto__` stay plain data); revive stored nodes with mergeSchema(createSchemaNode(), n).
 */
export function observeValue(node: SchemaNode, value: unknown, depth = 0): void {
  const kind = kindOf(value);
  if (kind === undefined) return;
  node.count++;
  if (kind === 'null') {
    node.nullCount++;
    return;
  }
  node.types[kind] = (node.types[kind] ?? 0) + 1;
  if (depth >= MAX_DEPTH) {
    node.depthLimited = true;
    return;
  }
  switch (kind) {
    case 'string':
      observeString(node, value as string);
      return;
    case 'integer':
    case 'number':
      widenRange(node, 'minimum', 'maximum', value as number);
      if (kind === 'integer') trackValue(node, value as number);
      return;
    case 'boolean':
      trackValue(node, value as boolean);
      return;
    case 'array':
      observeArray(node, value as unknown[], depth);
      return;
    case 'object':
      observeObject(node, value as Record<string, unknown>, depth);
      return;
  }
}
