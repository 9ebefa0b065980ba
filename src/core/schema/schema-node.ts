/**
 * A schema node: a JSON-Schema-like description of the values seen at one place of a
 * JSON document, with the evidence it rests on. Every field is a count, a min/max or a
 * bounded union, so merging two nodes is associative and commutative (see merge-schema.ts):
 * that is what lets several instances learn in parallel and merge later.
 *
 * Maps inside a node (`properties`, `types`, …) are created with a null prototype so a
 * learned key such as `__proto__` is plain data.
 */

/** JSON value kinds; `integer` is kept apart from `number` (Number.isInteger). */
export type JsonKind = 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export const JSON_KINDS: readonly JsonKind[] = [
  'object',
  'array',
  'string',
  'integer',
  'number',
  'boolean',
];

/** String formats we detect; a format holds for a node when every string sample matched it. */
export type StringFormat = 'date-time' | 'date' | 'email' | 'uuid' | 'uri' | 'ipv4' | 'hostname';

export const STRING_FORMATS: readonly StringFormat[] = [
  'date-time',
  'date',
  'email',
  'uuid',
  'uri',
  'ipv4',
  'hostname',
];

export interface SchemaNode {
  /** How many times a value (null included) was present at this place. */
  count: number;
  /** How many of those values were null. */
  nullCount: number;
  /** Per non-null kind, how many samples had it. */
  types: Partial<Record<JsonKind, number>>;

  /** Strings: how many samples matched each format (compare with types.string). */
  formats?: Partial<Record<StringFormat, number>>;
  minLength?: number;
  maxLength?: number;
  /**
   * Distinct scalar values (string, integer or boolean) seen, keyed by JSON.stringify(value),
   * with counts. `null` once more than ENUM_TRACK_LIMIT distinct values were seen (sticky).
   */
  values?: Record<string, number> | null;
  /**
   * `values` is an enum a person declared (a manual override), not evidence: it is honoured
   * whatever its size, a one-value enum (a constant) included.
   */
  enumDeclared?: true;

  /** Numbers (integer or number). */
  minimum?: number;
  maximum?: number;

  /** Objects: children by key. Child.count = how many objects had the key. */
  properties?: Record<string, SchemaNode>;
  /**
   * Objects whose key set exceeded MAX_PROPERTIES (maps keyed by ids, …) collapse every
   * value into this one node; `properties` is then dropped (sticky).
   */
  additionalProperties?: SchemaNode;

  /** Arrays: all elements of all arrays merged into one node. */
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;

  /** Samples deeper than MAX_DEPTH are counted by kind only; true when that happened here. */
  depthLimited?: boolean;
}

/** Distinct scalar values tracked per node before giving up on an enum. */
export const ENUM_TRACK_LIMIT = 20;
/**
 * Strings longer than this (UTF-16 code units) are free text, never enum members: seeing
 * one sets `values` to null, which also keeps long texts out of memory.
 */
export const ENUM_VALUE_MAX_LENGTH = 64;
/** Properties per object node before it collapses to a map (additionalProperties). */
export const MAX_PROPERTIES = 256;
/** Nesting depth learned; deeper values only count by kind. */
export const MAX_DEPTH = 32;

/** Creates an empty node (count 0) with null-prototype maps. */
export function createSchemaNode(): SchemaNode {
  return { count: 0, nullCount: 0, types: Object.create(null) as SchemaNode['types'] };
}
