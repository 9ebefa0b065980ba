import { detectFormats } from '../schema/format-detect.js';
import type { SchemaNode } from '../schema/schema-node.js';
import { formatOf } from '../schema/schema-read.js';

/** A value to echo, boxed so that an echoed `null` differs from "nothing to echo". */
export interface Echo {
  value: string | number | boolean | null;
}

const INTEGER = /^-?\d{1,16}$/;
const DECIMAL = /^-?\d{1,16}(?:\.\d{1,16})?(?:[eE][+-]?\d{1,3})?$/;

function acceptsString(value: string, node: SchemaNode): boolean {
  if (!node.types.string) return false;
  const format = formatOf(node);
  return format === undefined || detectFormats(value).includes(format);
}

/**
 * Converts a raw path parameter to the field's learned type: "42" becomes 42 for an integer
 * field, stays "42" for a string field; a value the field could not hold (a non-UUID into a
 * uuid field, letters into a number) is not echoed.
 */
export function echoPathValue(raw: string, node: SchemaNode): Echo | undefined {
  if (node.types.integer && INTEGER.test(raw) && Number.isSafeInteger(Number(raw))) {
    return { value: Number(raw) };
  }
  if (node.types.number && DECIMAL.test(raw) && Number.isFinite(Number(raw))) {
    return { value: Number(raw) };
  }
  return acceptsString(raw, node) ? { value: raw } : undefined;
}

/**
 * Echoes a scalar the client sent when the field's learned types admit it as is (no
 * conversion: a string "42" is not echoed into an integer field); null only into a field
 * seen null. Objects and arrays are never echoed whole.
 */
export function echoRequestValue(value: unknown, node: SchemaNode): Echo | undefined {
  switch (typeof value) {
    case 'boolean':
      return node.types.boolean ? { value } : undefined;
    case 'number':
      return node.types.number || (node.types.integer && Number.isInteger(value))
        ? { value }
        : undefined;
    case 'string':
      return acceptsString(value, node) ? { value } : undefined;
    default:
      return value === null && node.nullCount > 0 ? { value: null } : undefined;
  }
}
