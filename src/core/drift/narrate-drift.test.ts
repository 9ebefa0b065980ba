import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode } from '../schema/schema-node.js';
import { detectDrift } from './detect-drift.js';
import type { DriftChange, DriftKind, DriftSeverity } from './drift-change.js';
import { narrateDrift } from './narrate-drift.js';

const ENDPOINT = { method: 'GET', template: '/users/{id}', status: 200 };

/** The acceptance scenario: 25 learned users, then the backend renames user_id to userId. */
function detectRename(): DriftChange[] {
  const schema = createSchemaNode();
  for (let i = 0; i < 25; i++) {
    observeValue(schema, {
      user_id: i + 1,
      name: `User ${i}`,
      avatar_url: `https://cdn.example.com/${i}.png`,
    });
  }
  return detectDrift(schema, {
    userId: 7,
    name: 'Ada',
    avatar_url: 'https://cdn.example.com/7.png',
  });
}

describe('narrateDrift', () => {
  it('explains the user_id → userId rename end to end', () => {
    const { text, items } = narrateDrift(detectRename(), ENDPOINT);
    expect(items.map((item) => [item.label, item.kind, item.path, item.context])).toEqual([
      ['BREAKING', 'field_removed', '$.user_id', 'unique identifiers'],
      ['INFO', 'field_added', '$.userId', 'unique identifiers'],
    ]);
    expect(text.split('\n')).toEqual([
      'Contract change on GET /users/{id} → 200, drift score 51/100: 1 critical issue, 1 new field (likely rename: user_id → userId)',
      '1. BREAKING: `user_id` was REMOVED from the response (likely renamed to `userId`)',
      '   Where: $.user_id (expected integer, got absent)',
      '   Context: relates to unique identifiers',
      `   Impact: ${items[0]?.impact}`,
      `   Action: ${items[0]?.action}`,
      '2. INFO: `userId` APPEARED in the response (integer), likely the new name of `user_id`',
      '   Where: $.userId (expected absent, got integer)',
      '   Context: relates to unique identifiers',
      `   Impact: ${items[1]?.impact}`,
      `   Action: ${items[1]?.action}`,
      expect.stringContaining('Recommended: 1 breaking change. Search the frontend for user_id;'),
    ]);
    expect(items[0]?.impact).toContain('Every component that renders or reads `user_id` breaks');
    expect(items[0]?.action).toContain('Update references from `user_id` to `userId`');
    expect(text).toContain('coordinate a versioned endpoint');
  });

  it('says so when nothing changed', () => {
    expect(narrateDrift([], ENDPOINT)).toEqual({
      text: 'No contract changes on GET /users/{id} → 200.',
      items: [],
    });
  });

  it('names request bodies and omits the recommendation without breaking changes', () => {
    const change: DriftChange = {
      kind: 'field_added',
      severity: 'INFO',
      path: '$.coupon',
      field: 'coupon',
      expected: 'absent',
      actual: 'string',
    };
    const { text } = narrateDrift([change], {
      method: 'POST',
      template: '/orders',
      target: 'request',
    });
    expect(text.split('\n')[0]).toBe(
      'Contract change on POST /orders (request body), drift score 2/100: 1 new field',
    );
    expect(text).not.toContain('Recommended');
    expect(text).not.toContain('Context:');
  });

  it('labels every change and never says UNKNOWN (property)', () => {
    const kinds: DriftKind[] = [
      'field_removed',
      'type_changed',
      'object_to_scalar',
      'scalar_to_object',
      'array_to_non_array',
      'non_array_to_array',
      'integer_to_number',
      'became_null',
      'enum_value',
      'format_mismatch',
      'field_added',
    ];
    const severities: DriftSeverity[] = ['BREAKING', 'WARNING', 'INFO'];
    const changeArb = fc.record({
      kind: fc.constantFrom(...kinds),
      severity: fc.constantFrom(...severities),
      path: fc.string(),
      field: fc.string(),
      expected: fc.string(),
      actual: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.array(changeArb, { maxLength: 6 }),
        fc.constantFrom('request', 'response' as const),
        (changes, target) => {
          const { text, items } = narrateDrift(changes, { ...ENDPOINT, target });
          return (
            !text.includes('UNKNOWN') &&
            items.length === changes.length &&
            items.every(
              (item, i) =>
                item.label === changes[i]?.severity && text.includes(`${i + 1}. ${item.label}: `),
            )
          );
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});
