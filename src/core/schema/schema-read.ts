import { JSON_KINDS, STRING_FORMATS } from './schema-node.js';
import type { JsonKind, SchemaNode, StringFormat } from './schema-node.js';

/*
 * Small read-only questions other modules (mocks, drift, exporters) ask of a node, kept
 * in one place so the evidence rules (what "required" or "has a format" means) agree.
 */

/** An observed [min, max] range (evidence, not a contract). */
export interface ObservedRange {
  min: number;
  max: number;
}

/** Non-null kinds seen, in precedence order (object, array, string, integer, number, boolean). */
export function kindsOf(node: SchemaNode): JsonKind[] {
  return JSON_KINDS.filter((kind) => (node.types[kind] ?? 0) > 0);
}

/**
 * The kind a generator should produce: the first seen in precedence order object > array
 * > string > integer > number > boolean; undefined when only null (or nothing) was seen.
 */
export function primaryKind(node: SchemaNode): JsonKind | undefined {
  return JSON_KINDS.find((kind) => (node.types[kind] ?? 0) > 0);
}

/** True when at least one sample was null. */
export function isNullable(node: SchemaNode): boolean {
  return node.nullCount > 0;
}

/**
 * True when `child` (a property of `parent`) was present, possibly null, in every object
 * sample of `parent`. Children of a collapsed map are never required.
 */
export function isRequired(parent: SchemaNode, child: SchemaNode): boolean {
  const objects = parent.types.object ?? 0;
  return parent.additionalProperties === undefined && objects > 0 && child.count >= objects;
}

/** The format that matched every string sample, if any (first in STRING_FORMATS order). */
export function formatOf(node: SchemaNode): StringFormat | undefined {
  const strings = node.types.string ?? 0;
  if (strings === 0 || !node.formats) return undefined;
  const formats = node.formats;
  return STRING_FORMATS.find((format) => formats[format] === strings);
}

function toRange(min: number | undefined, max: number | undefined): ObservedRange | undefined {
  return min === undefined || max === undefined ? undefined : { min, max };
}

/** Observed string lengths in code points. */
export function stringLengthRange(node: SchemaNode): ObservedRange | undefined {
  return toRange(node.minLength, node.maxLength);
}

/** Observed numeric values (integers and numbers together). */
export function numberRange(node: SchemaNode): ObservedRange | undefined {
  return toRange(node.minimum, node.maximum);
}

/** Observed array lengths. */
export function itemCountRange(node: SchemaNode): ObservedRange | undefined {
  return toRange(node.minItems, node.maxItems);
}

/** Named properties sorted by key (empty for collapsed maps and non-objects). */
export function propertyEntries(node: SchemaNode): [string, SchemaNode][] {
  const properties = node.properties;
  if (!properties) return [];
  return Object.keys(properties)
    .sort()
    .flatMap((key): [string, SchemaNode][] => {
      const child = properties[key];
      return child ? [[key, child]] : [];
    });
}
