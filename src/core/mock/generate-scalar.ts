import { declaredBooleans, enumValues } from '../schema/enum-rule.js';
import type { SchemaNode, StringFormat } from '../schema/schema-node.js';
import { formatOf, numberRange, stringLengthRange } from '../schema/schema-read.js';
import type { ObservedRange } from '../schema/schema-read.js';
import { evidenceRange } from './evidence-range.js';
import { DATE_KINDS } from './field-kinds.js';
import type { FieldKind } from './field-kinds.js';
import { generateValue } from './generate-value.js';
import type { ScalarValue, ValueContext } from './generate-value.js';
import { pickWeighted } from './pick-weighted.js';

/** The JSON types a scalar node can have. */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';

/** Learned maxima at or above this are epoch milliseconds (1e11 ms ≈ 1973; 1e11 s ≈ 5138). */
export const EPOCH_MS_THRESHOLD = 1e11;
/** Unclassified free text is generated up to this many characters. */
export const MAX_GENERIC_TEXT = 2000;
/** Unclassified numbers without a learned range fall in [0, GENERIC_NUMBER_MAX]. */
export const GENERIC_NUMBER_MAX = 1000;

const DIGITS = /^\d{1,15}$/;

function pickEnum(node: SchemaNode, values: readonly (string | number)[], ctx: ValueContext) {
  const counts = node.values ?? {};
  const weighted = values.map((value) => [value, counts[JSON.stringify(value)] ?? 0] as const);
  return pickWeighted(weighted, ctx.faker);
}

function dateMs(kind: FieldKind | undefined, ctx: ValueContext): number {
  const dateKind = kind !== undefined && DATE_KINDS.has(kind) ? kind : 'date';
  return Date.parse(String(generateValue(dateKind, ctx)));
}

/** The format decides the value; a matching heuristic only refines it (an image URL, an expiry). */
function generateFormatted(format: StringFormat, kind: FieldKind | undefined, ctx: ValueContext) {
  switch (format) {
    case 'date-time':
      return new Date(dateMs(kind, ctx)).toISOString();
    case 'date':
      return new Date(dateMs(kind, ctx)).toISOString().slice(0, 10);
    case 'uri':
      return String(generateValue(kind === 'imageUrl' ? 'imageUrl' : 'url', ctx));
    case 'email':
    case 'uuid':
    case 'ipv4':
      return String(generateValue(format, ctx));
    case 'hostname':
      return String(generateValue('domain', ctx));
  }
}

/** Cuts or pads (in code points) into a length range. */
function fitLength(text: string, range: ObservedRange, ctx: ValueContext): string {
  let chars = Array.from(text);
  if (chars.length > range.max) chars = Array.from(chars.slice(0, range.max).join('').trimEnd());
  const missing = range.min - chars.length;
  return missing > 0 ? chars.join('') + ctx.faker.string.alphanumeric(missing) : chars.join('');
}

function generateText(range: ObservedRange | undefined, ctx: ValueContext): string {
  if (!range) return ctx.faker.lorem.words({ min: 1, max: 3 });
  const upper = Math.max(range.min, Math.min(range.max, MAX_GENERIC_TEXT));
  const target = ctx.faker.number.int({ min: range.min, max: upper });
  // About six characters per lorem word, separator included.
  return fitLength(ctx.faker.lorem.words(Math.max(1, Math.ceil(target / 6))), range, ctx);
}

function generateString(node: SchemaNode, kind: FieldKind | undefined, ctx: ValueContext) {
  const format = formatOf(node);
  if (format) return generateFormatted(format, kind, ctx);
  const range = evidenceRange(stringLengthRange(node), node.types.string ?? 0, 'size');
  if (kind === undefined) return generateText(range, ctx);
  const text = String(generateValue(kind, ctx));
  // A realistic value beats a guessed range: only trusted ranges bound a heuristic value.
  return range?.trusted ? fitLength(text, range, ctx) : text;
}

/** The heuristic's value as a number, or undefined when it has no numeric reading. */
function numericValue(node: SchemaNode, kind: FieldKind | undefined, ctx: ValueContext) {
  if (kind === undefined) return undefined;
  if (DATE_KINDS.has(kind)) {
    const ms = dateMs(kind, ctx);
    return (node.maximum ?? 0) >= EPOCH_MS_THRESHOLD ? ms : Math.floor(ms / 1000);
  }
  const value = generateValue(kind, ctx);
  if (typeof value === 'number') return value;
  return typeof value === 'string' && DIGITS.test(value) ? Number(value) : undefined;
}

function generateNumber(
  node: SchemaNode,
  type: 'integer' | 'number',
  kind: FieldKind | undefined,
  ctx: ValueContext,
): number {
  const raw = numericValue(node, kind, ctx);
  const value = raw === undefined || type === 'number' ? raw : Math.round(raw);
  const samples = (node.types.integer ?? 0) + (node.types.number ?? 0);
  const learned = evidenceRange(numberRange(node), samples, 'value');
  const fits =
    !learned?.trusted || (value !== undefined && value >= learned.min && value <= learned.max);
  if (value !== undefined && fits) return value;
  const range = learned ?? { min: 0, max: GENERIC_NUMBER_MAX };
  if (type === 'integer') {
    const low = Math.ceil(range.min);
    const high = Math.floor(range.max);
    // A range holding no integer (mixed integer/number samples) keeps the nearest one.
    return low > high ? Math.round(range.min) : ctx.faker.number.int({ min: low, max: high });
  }
  const spread = ctx.faker.number.float({ min: range.min, max: range.max });
  return Math.min(range.max, Math.max(range.min, Math.round(spread * 100) / 100));
}

/**
 * Generates one scalar of the learned `type` for a node. Precedence: a learned enum (picked
 * with its observed frequencies), then the learned format, then the field-name heuristic
 * `kind` converted into the learned type (an integer price is rounded, a string count is
 * "42", a date on a number field is epoch seconds, or ms when the learned maximum says so),
 * then a generic value. Generic values always stay within the learned ranges, widened
 * when backed by fewer than RANGE_TRUST_SAMPLES samples (see evidenceRange). A heuristic
 * value is bounded only by a trusted range: a number outside it is replaced by a uniform
 * pick inside, a string is cut or padded to length.
 */
export function generateScalar(
  node: SchemaNode,
  type: ScalarType,
  kind: FieldKind | undefined,
  ctx: ValueContext,
): ScalarValue {
  const learnedEnum = enumValues(node);
  if (learnedEnum) return pickEnum(node, learnedEnum, ctx);
  switch (type) {
    case 'boolean': {
      const allowed = declaredBooleans(node);
      if (allowed) return allowed.length === 1 ? allowed[0]! : ctx.faker.datatype.boolean();
      return kind === 'flagTrue' || kind === 'flagFalse'
        ? generateValue(kind, ctx)
        : ctx.faker.datatype.boolean();
    }
    case 'string':
      return generateString(node, kind, ctx);
    default:
      return generateNumber(node, type, kind, ctx);
  }
}
