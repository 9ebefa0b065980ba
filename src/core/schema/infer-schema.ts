import { observeValue } from './observe-value.js';
import { createSchemaNode } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

/** Returns a new node that has learned one sample (see observeValue for the rules). */
export function inferSchema(value: unknown): SchemaNode {
  const node = createSchemaNode();
  observeValue(node, value);
  return node;
}
