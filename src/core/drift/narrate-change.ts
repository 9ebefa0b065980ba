import type { DriftChange, DriftKind, DriftSeverity } from './drift-change.js';
import { fieldContext } from './field-context.js';
import type { NarratedChange } from './narrated-change.js';
import { toDisplayName } from './to-display-name.js';

/** What a template knows about a change, already made safe for prose. */
interface Facts {
  /** "`user_id`", "`tags` elements" or "the response body". */
  subject: string;
  target: 'request' | 'response';
  expected: string;
  actual: string;
  /** The other side of a likely rename, backtick-quoted. */
  partner?: string;
}

interface Template {
  headline(facts: Facts): string;
  impact(facts: Facts): string;
  action(facts: Facts): string;
}

const VERSIONED = 'coordinate a versioned endpoint with the backend';
const TYPES = 'update the generated types';

const TEMPLATES: Readonly<Record<DriftKind, Template>> = {
  field_removed: {
    headline: (f) =>
      `${f.subject} was REMOVED from the ${f.target}` +
      (f.partner ? ` (likely renamed to ${f.partner})` : ''),
    impact: (f) =>
      `Every component that renders or reads ${f.subject} breaks: it now gets undefined.`,
    action: (f) =>
      f.partner
        ? `Update references from ${f.subject} to ${f.partner} and ${TYPES}; until every environment runs the new backend, fall back to the old name (??).`
        : `Add optional chaining (?.) or a fallback where ${f.subject} is read, ${TYPES}, and ask the backend whether the removal is intentional.`,
  },
  type_changed: {
    headline: (f) => `${f.subject} CHANGED TYPE from ${f.expected} to ${f.actual}`,
    impact: () =>
      'Any strict comparison (===) will fail silently, and methods of the old type (.toUpperCase(), .toFixed()…) may throw.',
    action: () =>
      `Update the generated types and parse/cast the value at the API boundary (Number(…), String(…)).`,
  },
  object_to_scalar: {
    headline: (f) => `${f.subject} CHANGED from an object to ${f.actual}`,
    impact: (f) =>
      `Reading properties of ${f.subject} returns undefined and deeper reads throw a TypeError: every component that renders its parts breaks.`,
    action: () => `Add optional chaining (?.) on nested reads, ${TYPES}, and ${VERSIONED}.`,
  },
  scalar_to_object: {
    headline: (f) => `${f.subject} CHANGED from ${f.expected} to an object`,
    impact: () =>
      'It renders as "[object Object]", and any strict comparison (===) with the old value fails silently.',
    action: () =>
      `Read the property that now holds the value, ${TYPES}, and ask the backend which property replaces it.`,
  },
  array_to_non_array: {
    headline: (f) => `${f.subject} is NO LONGER AN ARRAY (now ${f.actual})`,
    impact: () =>
      'Iteration (.map, .forEach, for…of) over it crashes with a TypeError, so list components stop rendering.',
    action: () => `Guard with Array.isArray() before iterating, ${TYPES}, and ${VERSIONED}.`,
  },
  non_array_to_array: {
    headline: (f) => `${f.subject} is NOW AN ARRAY (was ${f.expected})`,
    impact: () =>
      'Code expecting a single value gets a list: its properties read as undefined and it renders as joined values.',
    action: () =>
      `Check with Array.isArray() and pick the element you need (or iterate), then ${TYPES}.`,
  },
  integer_to_number: {
    headline: (f) => `${f.subject} now holds DECIMALS (only whole numbers before)`,
    impact: () =>
      'Whole-number assumptions fail silently: strict comparisons (===) with integers, array indexing, integer formatting.',
    action: () =>
      'Round or format explicitly (Math.round, toFixed) where a whole number is needed, and type it as a decimal.',
  },
  became_null: {
    headline: (f) => `${f.subject} is now NULL (never null before)`,
    impact: () =>
      'Reading its properties throws "Cannot read properties of null", and it may render as empty or "null".',
    action: () =>
      'Add a null check or optional chaining (?.) with a fallback, and mark the field nullable in the generated types.',
  },
  enum_value: {
    headline: (f) => `${f.subject} has a NEW VALUE ${f.actual} (known values: ${f.expected})`,
    impact: () =>
      'Switch statements and lookup maps keyed by this value fall through to their default: the UI may show nothing or the wrong state.',
    action: (f) =>
      `Handle ${f.actual} in switch statements and lookup maps (keep a safe default), and add it to the generated union type.`,
  },
  format_mismatch: {
    headline: (f) => `${f.subject} no longer matches the ${f.expected} format (got ${f.actual})`,
    impact: (f) =>
      `Code that relies on the ${f.expected} format misbehaves silently: dates parse as Invalid Date, links and lookups break.`,
    action: (f) =>
      `Validate the value before using it as ${f.expected} (show a fallback otherwise), and ask the backend whether the change is intentional.`,
  },
  field_added: {
    headline: (f) =>
      `${f.subject} APPEARED in the ${f.target} (${f.actual})` +
      (f.partner ? `, likely the new name of ${f.partner}` : ''),
    impact: (f) =>
      f.partner
        ? `Safe by itself, but it carries the data the code still reads from ${f.partner}.`
        : 'Safe: existing code ignores fields it does not read.',
    action: (f) =>
      f.partner
        ? `Read ${f.subject} instead of ${f.partner} and regenerate the types.`
        : 'Regenerate the types (exporter) if the frontend should use it.',
  },
};

/** Requests drift on the client side: what is at stake is the backend accepting them. */
const REQUEST_TEXTS: Readonly<Record<DriftSeverity, { impact: string; action: string }>> = {
  BREAKING: {
    impact:
      'The backend has only received the old shape here: it may reject these requests (400/422) or mis-handle them.',
    action: `Find the client that changed this request body and align it with the backend, or ${VERSIONED}.`,
  },
  WARNING: {
    impact:
      'The backend may treat the value differently (validation, rounding, an unknown enum value).',
    action: 'Check that the backend accepts the new value and update the shared request types.',
  },
  INFO: {
    impact: 'Usually safe: most backends ignore unknown fields, but strict validators reject them.',
    action: 'Make sure the backend expects it and add it to the shared request types.',
  },
};

function quote(name: string): string {
  return `\`${toDisplayName(name)}\``;
}

/** Paths made of `$` and wildcards only: the body itself or its elements, not a field. */
const BODY_PATH = /^\$(?:\[\*\]|\.\*)*$/;

/** "`price`", "an element of `tags`", "a value of `byId`", "the response body"… (singular). */
function describeSubject(change: DriftChange, target: 'request' | 'response'): string {
  const name = BODY_PATH.test(change.path) ? `the ${target} body` : quote(change.field);
  if (change.path.endsWith('[*]')) return `an element of ${name}`;
  return change.path.endsWith('.*') ? `a value of ${name}` : name;
}

/**
 * Narrates one change: label (its severity), headline, what the field relates to, impact
 * and a specific action, per kind. Request bodies get request-side impacts and actions
 * (except renames, whose action is the rename itself).
 */
export function narrateChange(
  change: DriftChange,
  target: 'request' | 'response' = 'response',
): NarratedChange {
  const partner = change.renamedTo ?? change.renamedFrom;
  const facts: Facts = {
    subject: describeSubject(change, target),
    target,
    expected: toDisplayName(change.expected, 200),
    actual: toDisplayName(change.actual, 200),
    ...(partner === undefined ? {} : { partner: quote(partner) }),
  };
  const template = TEMPLATES[change.kind];
  const side =
    target === 'request' && partner === undefined ? REQUEST_TEXTS[change.severity] : undefined;
  const context = fieldContext(change.field);
  return {
    label: change.severity,
    headline: template.headline(facts),
    ...(context === undefined ? {} : { context }),
    impact: side?.impact ?? template.impact(facts),
    action: side?.action ?? template.action(facts),
    path: change.path,
    kind: change.kind,
  };
}
