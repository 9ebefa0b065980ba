import type { SchemaNode } from './schema-node.js';

/**
 * A node's distinct values form an enum when there are few of them over many samples:
 * at most 10 distinct values, at least 2, seen over at least 20 samples, and each distinct
 * value backed by at least 3 samples on average. Booleans are never an enum (the type says
 * it all); numbers only when integer-only.
 */
export const ENUM_MAX_DISTINCT = 10;
export const ENUM_MIN_SAMPLES = 20;
export const ENUM_MIN_SAMPLES_PER_VALUE = 3;

/**
 * Returns the enum values (parsed): a declared enum as declared, a learned one only when the
 * evidence supports it; otherwise undefined.
 */
export function enumValues(node: SchemaNode): (string | number)[] | undefined {
  const values = node.values;
  if (!values) return undefined;
  // A declared enum is a contract, not evidence: no size or sample rule applies.
  if (node.enumDeclared) return parsedValues(values);
  const kinds = Object.keys(node.types);
  if (kinds.length !== 1) return undefined;
  const kind = kinds[0];
  if (kind !== 'string' && kind !== 'integer') return undefined;
  const keys = Object.keys(values);
  const samples = node.count - node.nullCount;
  if (keys.length < 2 || keys.length > ENUM_MAX_DISTINCT) return undefined;
  if (samples < ENUM_MIN_SAMPLES) return undefined;
  if (samples / keys.length < ENUM_MIN_SAMPLES_PER_VALUE) return undefined;
  return parsedValues(values);
}

/** The values (keys are JSON) of the kind `keep` accepts; undefined when there are none. */
function valuesOf<T>(
  values: Record<string, number>,
  keep: (value: unknown) => value is T,
): T[] | undefined {
  const parsed = Object.keys(values)
    .map((k) => JSON.parse(k) as unknown)
    .filter(keep);
  return parsed.length > 0 ? parsed : undefined;
}

const isStringOrNumber = (v: unknown): v is string | number =>
  typeof v === 'string' || typeof v === 'number';

/** The string and number values, sorted (declared booleans: see declaredBooleans). */
function parsedValues(values: Record<string, number>): (string | number)[] | undefined {
  return valuesOf(values, isStringOrNumber)?.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The booleans a declared enum allows (`const: false` included); undefined when none. */
export function declaredBooleans(node: SchemaNode): boolean[] | undefined {
  if (!node.enumDeclared || !node.values) return undefined;
  return valuesOf(node.values, (v): v is boolean => typeof v === 'boolean');
}
