import type { JsonKind } from '../schema/schema-node.js';
import type { DriftKind, DriftSeverity } from './drift-change.js';

/** The kind and severity of a kind mismatch. */
export interface KindChange {
  kind: DriftKind;
  severity: DriftSeverity;
}

const SCALARS: ReadonlySet<JsonKind> = new Set(['string', 'integer', 'number', 'boolean']);

function breaking(kind: DriftKind): KindChange {
  return { kind, severity: 'BREAKING' };
}

/**
 * Compares a non-null value's kind with the non-null kinds learned at its place.
 * Returns undefined when compatible: a learned kind, or an integer where numbers were
 * learned (every integer is a number). A decimal where only integers were learned is a
 * WARNING (`integer_to_number`): JavaScript has one number type, so only integer
 * assumptions (formatting, indexing, equality) suffer. Every other mismatch is BREAKING,
 * named after the structural change a client feels first: arrays first (iteration
 * crashes), then scalar↔scalar (`type_changed`), then objects.
 */
export function classifyKindChange(
  learned: readonly JsonKind[],
  actual: JsonKind,
): KindChange | undefined {
  if (learned.includes(actual)) return undefined;
  if (actual === 'integer' && learned.includes('number')) return undefined;
  if (actual === 'number' && learned.includes('integer')) {
    return { kind: 'integer_to_number', severity: 'WARNING' };
  }
  if (actual === 'array') return breaking('non_array_to_array');
  if (learned.includes('array')) return breaking('array_to_non_array');
  if (actual === 'object') return breaking('scalar_to_object');
  return breaking(learned.some((kind) => SCALARS.has(kind)) ? 'type_changed' : 'object_to_scalar');
}
