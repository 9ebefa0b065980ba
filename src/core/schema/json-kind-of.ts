import type { JsonKind } from './schema-node.js';

/**
 * The JSON kind of a value as the learner counts it (integer apart from number), `null`,
 * or undefined for what JSON cannot hold (undefined, NaN, functions…), which counts as absent.
 */
export function jsonKindOf(value: unknown): JsonKind | 'null' | undefined {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      if (!Number.isFinite(value)) return undefined;
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? 'array' : 'object';
    default:
      return undefined;
  }
}
