/** How much a change matters to a client: breaks it, may bug it silently, or is safe. */
export type DriftSeverity = 'BREAKING' | 'WARNING' | 'INFO';

/**
 * What changed at one place of a body, compared with the learned schema.
 * - BREAKING: `field_removed` (a required field is absent), `type_changed` (between
 *   incompatible scalars, e.g. string↔number), `object_to_scalar`, `scalar_to_object`,
 *   `array_to_non_array`, `non_array_to_array`.
 * - WARNING: `integer_to_number` (a decimal where only integers were seen), `became_null`
 *   (null where null was never seen), `enum_value` (outside a learned enum),
 *   `format_mismatch` (a string no longer matching the format every sample matched).
 * - INFO: `field_added`.
 * A likely rename is not a kind of its own: it links a removal and an addition (see
 * `renamedTo` / `renamedFrom`), so both stay visible and are scored as what they are.
 */
export type DriftKind =
  | 'field_removed'
  | 'type_changed'
  | 'object_to_scalar'
  | 'scalar_to_object'
  | 'array_to_non_array'
  | 'non_array_to_array'
  | 'integer_to_number'
  | 'became_null'
  | 'enum_value'
  | 'format_mismatch'
  | 'field_added';

/** One detected change. Strings only, so a change stores and serialises as-is. */
export interface DriftChange {
  kind: DriftKind;
  severity: DriftSeverity;
  /** JSONPath of the place, array elements as `[*]`, map values as `.*`: `$.user.tags[*].name`. */
  path: string;
  /** Last property name on the path (`$` for the root, the array's name for `$.tags[*]`). */
  field: string;
  /** What the schema learned there: kinds (`string | null`), enum values, a format, or `absent`. */
  expected: string;
  /** What the body holds there: a kind, a short JSON value, or `absent`. */
  actual: string;
  /** On a removal: the sibling field that likely replaced it. */
  renamedTo?: string;
  /** On an addition: the removed sibling field it likely replaces. */
  renamedFrom?: string;
}
