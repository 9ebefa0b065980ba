import { detectFormats } from '../schema/format-detect.js';
import { isRequired } from '../schema/schema-read.js';
import { MAX_DEPTH } from '../schema/schema-node.js';
import type { SchemaNode } from '../schema/schema-node.js';
import { classifyKindChange } from './classify-kind-change.js';
import { clipText } from './clip-text.js';
import type { DriftChange, DriftKind, DriftSeverity } from './drift-change.js';
import { DriftWalk } from './drift-walk.js';
import type { Place } from './drift-walk.js';
import { jsonKindOf } from '../schema/json-kind-of.js';
import { linkRenames } from './link-renames.js';
import type { RenameCandidate } from './link-renames.js';

/** Tuning of detectDrift; every field is optional (defaults in DRIFT_DEFAULTS). */
export interface DriftOptions {
  /** Samples the schema must rest on before anything is judged (warm-up). */
  warmup?: number;
  /** Samples a place inside the body needs before it is judged (capped at `warmup`). */
  minSamples?: number;
  /** Elements checked per array (every one up to this many). */
  maxArrayItems?: number;
  /** Values and object keys visited per body: bounds the work whatever the body. */
  maxValues?: number;
  /** Changes returned at most; more severe changes are kept first. */
  maxChanges?: number;
}

/** Defaults of DriftOptions. */
export const DRIFT_DEFAULTS: Readonly<Required<DriftOptions>> = Object.freeze({
  warmup: 20,
  minSamples: 5,
  maxArrayItems: 1000,
  maxValues: 20_000,
  maxChanges: 50,
});

/** Values copied into `actual` (enum and format findings) are cut to this length. */
const MAX_VALUE_TEXT = 40;
const MAX_ENUM_TEXT = 200;

// Built field by field: object spread from several sources is slow in V8, and the walk
// creates a change for every drifting value it cannot skip as already known.
function createChange(
  kind: DriftKind,
  severity: DriftSeverity,
  place: Place,
  expected: string,
  actual: string,
): DriftChange {
  return { kind, severity, path: place.path, field: place.field, expected, actual };
}

function describeValue(value: string | number): string {
  return clipText(JSON.stringify(value), MAX_VALUE_TEXT);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Enum first (a value outside the learned set), then format (evidence: every string matched). */
function checkScalar(
  walk: DriftWalk,
  node: SchemaNode,
  value: string | number,
  place: Place,
): void {
  const { enumValues: known, format } = walk.factsOf(node);
  if (known !== undefined && !known.includes(value)) {
    if (walk.isKnown('enum_value', place.path)) return;
    const expected = clipText(
      known.map((member) => JSON.stringify(member)).join(' | '),
      MAX_ENUM_TEXT,
    );
    walk.record(createChange('enum_value', 'WARNING', place, expected, describeValue(value)));
    return;
  }
  if (typeof value !== 'string' || format === undefined) return;
  if ((node.types.string ?? 0) < walk.minSamples || detectFormats(value).includes(format)) return;
  if (walk.isKnown('format_mismatch', place.path)) return;
  walk.record(createChange('format_mismatch', 'WARNING', place, format, describeValue(value)));
}

function checkArray(
  walk: DriftWalk,
  node: SchemaNode,
  value: readonly unknown[],
  place: Place,
  depth: number,
): void {
  const items = node.items;
  if (items === undefined) return;
  const itemPlace = walk.itemPlace(node, place);
  const limit = Math.min(value.length, walk.maxArrayItems);
  for (let i = 0; i < limit && !walk.exhausted; i++) {
    checkValue(walk, items, value[i], itemPlace, depth + 1);
  }
}

/** Keys of a collapsed map are data (ids…), never "new": only the values are judged. */
function checkMap(
  walk: DriftWalk,
  node: SchemaNode,
  values: SchemaNode,
  value: Record<string, unknown>,
  place: Place,
  depth: number,
): void {
  const valuePlace = walk.valuePlace(node, place);
  for (const key of Object.keys(value)) {
    if (!walk.spend()) return;
    checkValue(walk, values, value[key], valuePlace, depth + 1);
  }
}

function checkObject(
  walk: DriftWalk,
  node: SchemaNode,
  value: Record<string, unknown>,
  place: Place,
  depth: number,
): void {
  if (node.additionalProperties !== undefined) {
    checkMap(walk, node, node.additionalProperties, value, place, depth);
    return;
  }
  const properties: Partial<Record<string, SchemaNode>> = node.properties ?? {};
  const judged = (node.types.object ?? 0) >= walk.minSamples;
  const removed: RenameCandidate[] = [];
  const added: RenameCandidate[] = [];
  for (const key of walk.factsOf(node).propertyKeys) {
    const child = properties[key];
    if (child === undefined || child.count === 0 || !walk.spend()) continue;
    const childValue = own(value, key);
    const childPlace = walk.propertyPlace(node, place, key);
    if (jsonKindOf(childValue) !== undefined) {
      checkValue(walk, child, childValue, childPlace, depth + 1);
    } else if (
      judged &&
      isRequired(node, child) &&
      !walk.isKnown('field_removed', childPlace.path)
    ) {
      const { described, kinds } = walk.factsOf(child);
      removed.push({
        change: createChange('field_removed', 'BREAKING', childPlace, described, 'absent'),
        kinds,
      });
    }
  }
  for (const key of Object.keys(value)) {
    if (!judged || Object.hasOwn(properties, key) || !walk.spend()) continue;
    const kind = jsonKindOf(value[key]);
    const childPlace = walk.propertyPlace(node, place, key);
    if (kind === undefined || walk.isKnown('field_added', childPlace.path)) continue;
    const change = createChange('field_added', 'INFO', childPlace, 'absent', kind);
    added.push({ change, kinds: kind === 'null' ? [] : [kind] });
  }
  linkRenames(removed, added);
  for (const candidate of removed) walk.record(candidate.change);
  for (const candidate of added) walk.record(candidate.change);
}

function checkValue(
  walk: DriftWalk,
  node: SchemaNode,
  value: unknown,
  place: Place,
  depth: number,
): void {
  const kind = jsonKindOf(value);
  if (kind === undefined || node.count < walk.minSamples || !walk.spend()) return;
  const { kinds, described } = walk.factsOf(node);
  // A place only ever seen as null has no type to drift from: a value there is news, not drift.
  if (kinds.length === 0) return;
  if (kind === 'null') {
    if (node.nullCount === 0 && !walk.isKnown('became_null', place.path)) {
      walk.record(createChange('became_null', 'WARNING', place, described, 'null'));
    }
    return;
  }
  const change = classifyKindChange(kinds, kind);
  if (change !== undefined) {
    if (!walk.isKnown(change.kind, place.path)) {
      walk.record(createChange(change.kind, change.severity, place, described, kind));
    }
    return;
  }
  // Below a depth-limited node only kinds were learned: nothing deeper to compare with.
  if (depth >= MAX_DEPTH || node.depthLimited === true) return;
  if (kind === 'string' || kind === 'integer')
    checkScalar(walk, node, value as string | number, place);
  else if (kind === 'array') checkArray(walk, node, value as unknown[], place, depth);
  else if (kind === 'object')
    checkObject(walk, node, value as Record<string, unknown>, place, depth);
}

/**
 * Compares one JSON body (response or request) with the schema learned for the same
 * endpoint, status and direction, BEFORE the body is learned from. Nothing is judged while
 * the schema rests on fewer than `warmup` samples, nor at any place seen fewer than
 * `minSamples` times (too little evidence to call a change). Rules:
 * - absent required field (present, even null, in every learned object) → BREAKING
 *   `field_removed`; absent optional fields raise nothing;
 * - incompatible kind → BREAKING (see classifyKindChange); decimal where only integers
 *   were learned → WARNING; integer where numbers were learned → nothing;
 * - null where null was never seen → WARNING `became_null`;
 * - value outside a learned enum, or string not matching the learned format → WARNING;
 * - unknown key in an object → INFO `field_added`, except in collapsed maps, whose keys are data;
 * - likely renames are linked (see linkRenames).
 * Every array element is checked up to `maxArrayItems`, and at most `maxValues` values
 * are visited; one change per path and kind (elements share a `[*]` path), most severe
 * first, then by path.
 */
export function detectDrift(
  schema: SchemaNode,
  body: unknown,
  options: DriftOptions = {},
): DriftChange[] {
  const warmup = options.warmup ?? DRIFT_DEFAULTS.warmup;
  if (schema.count < warmup) return [];
  const walk = new DriftWalk(
    Math.min(options.minSamples ?? DRIFT_DEFAULTS.minSamples, warmup),
    options.maxArrayItems ?? DRIFT_DEFAULTS.maxArrayItems,
    options.maxChanges ?? DRIFT_DEFAULTS.maxChanges,
    options.maxValues ?? DRIFT_DEFAULTS.maxValues,
  );
  checkValue(walk, schema, body, { path: '$', field: '$' }, 0);
  return walk.changes();
}
