import { describe, expect, it } from 'vitest';
import type { DriftChange, DriftKind, DriftSeverity } from './drift-change.js';
import { narrateChange } from './narrate-change.js';

function change(
  kind: DriftKind,
  severity: DriftSeverity,
  path: string,
  field: string,
  expected: string,
  actual: string,
): DriftChange {
  return { kind, severity, path, field, expected, actual };
}

describe('narrateChange: one row per kind', () => {
  it.each<[DriftChange, string, string | undefined, string, string]>([
    [
      change('field_removed', 'BREAKING', '$.avatar_url', 'avatar_url', 'string', 'absent'),
      '`avatar_url` was REMOVED from the response',
      'user profile images',
      'Every component that renders or reads `avatar_url` breaks',
      'Add optional chaining (?.)',
    ],
    [
      change('type_changed', 'BREAKING', '$.price', 'price', 'string', 'number'),
      '`price` CHANGED TYPE from string to number',
      'prices and monetary amounts',
      'Any strict comparison (===) will fail silently',
      'Update the generated types and parse/cast the value at the API boundary',
    ],
    [
      change('object_to_scalar', 'BREAKING', '$.author', 'author', 'object', 'string'),
      '`author` CHANGED from an object to string',
      'user accounts',
      'deeper reads throw a TypeError',
      'coordinate a versioned endpoint',
    ],
    [
      change('scalar_to_object', 'BREAKING', '$.title', 'title', 'string', 'object'),
      '`title` CHANGED from string to an object',
      'titles and headings',
      '[object Object]',
      'update the generated types',
    ],
    [
      change('array_to_non_array', 'BREAKING', '$.tags', 'tags', 'array', 'string'),
      '`tags` is NO LONGER AN ARRAY (now string)',
      'tags and categories',
      'Iteration (.map, .forEach, for…of) over it crashes',
      'Guard with Array.isArray()',
    ],
    [
      change('non_array_to_array', 'BREAKING', '$.email', 'email', 'string', 'array'),
      '`email` is NOW AN ARRAY (was string)',
      'email addresses',
      'Code expecting a single value gets a list',
      'Array.isArray()',
    ],
    [
      change(
        'integer_to_number',
        'WARNING',
        '$.items[*].quantity',
        'quantity',
        'integer',
        'number',
      ),
      '`quantity` now holds DECIMALS',
      'counts and totals',
      'strict comparisons (===) with integers',
      'Round or format explicitly',
    ],
    [
      change('became_null', 'WARNING', '$.session_token', 'session_token', 'string', 'null'),
      '`session_token` is now NULL (never null before)',
      'authentication tokens',
      'Cannot read properties of null',
      'Add a null check or optional chaining (?.)',
    ],
    [
      change('enum_value', 'WARNING', '$.status', 'status', '"active" | "pending"', '"archived"'),
      '`status` has a NEW VALUE "archived" (known values: "active" | "pending")',
      'status tracking',
      'Switch statements and lookup maps',
      'Handle "archived" in switch statements',
    ],
    [
      change(
        'format_mismatch',
        'WARNING',
        '$.created_at',
        'created_at',
        'date-time',
        '"yesterday"',
      ),
      '`created_at` no longer matches the date-time format (got "yesterday")',
      'timestamps',
      'Invalid Date',
      'Validate the value before using it as date-time',
    ],
    [
      change('field_added', 'INFO', '$.nickname', 'nickname', 'absent', 'string'),
      '`nickname` APPEARED in the response (string)',
      'display names',
      'Safe: existing code ignores fields it does not read',
      'Regenerate the types',
    ],
    [
      change('became_null', 'WARNING', '$.ratings[*]', 'ratings', 'integer', 'null'),
      'an element of `ratings` is now NULL',
      'ratings and scores',
      'Cannot read properties of null',
      'null check',
    ],
    [
      change('type_changed', 'BREAKING', '$.byId.*', 'byId', 'object', 'string'),
      'a value of `byId` CHANGED TYPE',
      'unique identifiers',
      'strict comparison (===)',
      'parse/cast',
    ],
    [
      change('array_to_non_array', 'BREAKING', '$[*]', '$', 'array', 'object'),
      'an element of the response body is NO LONGER AN ARRAY',
      undefined,
      'crashes with a TypeError',
      'Array.isArray()',
    ],
    [
      change('type_changed', 'BREAKING', '$', '$', 'object', 'string'),
      'the response body CHANGED TYPE from object to string',
      undefined,
      'strict comparison (===)',
      'parse/cast',
    ],
  ])('%# %j', (input, headline, context, impact, action) => {
    const item = narrateChange(input);
    expect(item.label).toBe(input.severity);
    expect(item.kind).toBe(input.kind);
    expect(item.path).toBe(input.path);
    expect(item.headline).toContain(headline);
    expect(item.context).toBe(context);
    expect(item.impact).toContain(impact);
    expect(item.action).toContain(action);
  });
});

describe('narrateChange: renames and requests', () => {
  const removal: DriftChange = {
    ...change('field_removed', 'BREAKING', '$.user_id', 'user_id', 'integer', 'absent'),
    renamedTo: 'userId',
  };
  const addition: DriftChange = {
    ...change('field_added', 'INFO', '$.userId', 'userId', 'absent', 'integer'),
    renamedFrom: 'user_id',
  };

  it('names both sides of a rename', () => {
    expect(narrateChange(removal)).toMatchObject({
      headline: '`user_id` was REMOVED from the response (likely renamed to `userId`)',
      context: 'unique identifiers',
    });
    expect(narrateChange(removal).action).toContain('Update references from `user_id` to `userId`');
    expect(narrateChange(addition).headline).toContain('likely the new name of `user_id`');
    expect(narrateChange(addition).action).toContain('Read `userId` instead of `user_id`');
  });

  it.each<[DriftSeverity, DriftKind, string]>([
    ['BREAKING', 'field_removed', 'may reject these requests (400/422)'],
    ['WARNING', 'became_null', 'may treat the value differently'],
    ['INFO', 'field_added', 'strict validators reject them'],
  ])('speaks of the backend for request bodies (%s)', (severity, kind, impact) => {
    const item = narrateChange(
      change(kind, severity, '$.amount', 'amount', 'integer', 'absent'),
      'request',
    );
    expect(item.impact).toContain(impact);
    expect(item.headline).not.toContain('response');
  });

  it('keeps hostile names on one line', () => {
    const item = narrateChange(
      change('field_added', 'INFO', '$["a\\nb"]', 'a\nb\u2028c', 'absent', 'string'),
    );
    expect(item.headline).toBe('`a\uFFFDb\uFFFDc` APPEARED in the response (string)');
  });
});
