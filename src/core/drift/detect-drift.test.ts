import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode, MAX_PROPERTIES } from '../schema/schema-node.js';
import type { SchemaNode } from '../schema/schema-node.js';
import { detectDrift } from './detect-drift.js';
import type { DriftChange } from './drift-change.js';

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

const STATUSES = ['active', 'pending', 'banned'];

/** A user as the backend sent it during learning; `nickname` is optional, `bio` nullable. */
function user(i: number): Record<string, unknown> {
  return {
    user_id: i + 1,
    name: `User ${i}`,
    email: `user${i}@example.com`,
    status: STATUSES[i % 3],
    rating: i % 2 === 0 ? i : i + 0.5,
    visits: i * 3,
    tags: ['a', 'b'],
    profile: { avatar: `https://cdn.example.com/u/${i}.png`, bio: i % 2 === 0 ? null : 'hi' },
    ...(i % 4 === 0 ? { nickname: `nick${i}` } : {}),
  };
}

const USERS = learn(times(25, user));
const BASE = user(100);

/** kind, severity and path of each change, for compact expectations. */
function brief(changes: readonly DriftChange[]): string[] {
  return changes.map((c) => `${c.severity} ${c.kind} ${c.path}`);
}

describe('detectDrift: acceptance', () => {
  it('reports user_id → userId as a linked BREAKING removal and INFO addition', () => {
    const { user_id: id, ...rest } = BASE;
    const changes = detectDrift(USERS, { ...rest, userId: id });
    expect(changes).toEqual([
      {
        kind: 'field_removed',
        severity: 'BREAKING',
        path: '$.user_id',
        field: 'user_id',
        expected: 'integer',
        actual: 'absent',
        renamedTo: 'userId',
      },
      {
        kind: 'field_added',
        severity: 'INFO',
        path: '$.userId',
        field: 'userId',
        expected: 'absent',
        actual: 'integer',
        renamedFrom: 'user_id',
      },
    ]);
  });

  it.each<[string, unknown]>([
    ['a body like the learned ones', BASE],
    ['an absent optional field', { ...BASE, nickname: undefined }],
    [
      'a null where null was learned',
      { ...BASE, profile: { avatar: 'https://a.io/x', bio: null } },
    ],
    ['an integer where integers and decimals were learned', { ...BASE, rating: 4 }],
    ['a decimal where integers and decimals were learned', { ...BASE, rating: 4.25 }],
    ['an empty array', { ...BASE, tags: [] }],
  ])('raises nothing for %s', (_name, body) => {
    expect(detectDrift(USERS, body)).toEqual([]);
  });

  it('stays silent during the warm-up, which is configurable', () => {
    const broken = { ...BASE, user_id: 'x' };
    expect(detectDrift(learn(times(19, user)), broken)).toEqual([]);
    expect(brief(detectDrift(learn(times(20, user)), broken))).toEqual([
      'BREAKING type_changed $.user_id',
    ]);
    expect(detectDrift(learn(times(5, user)), broken, { warmup: 6 })).toEqual([]);
    expect(brief(detectDrift(learn(times(5, user)), broken, { warmup: 5 }))).toEqual([
      'BREAKING type_changed $.user_id',
    ]);
  });

  it('judges an error body against the schema of its own status, not the success one', () => {
    const notFound = learn(times(25, () => ({ detail: 'Not Found' })));
    expect(detectDrift(notFound, { detail: 'Not Found' })).toEqual([]);
    expect(brief(detectDrift(notFound, { error: 'gone' }))).toEqual([
      'BREAKING field_removed $.detail',
      'INFO field_added $.error',
    ]);
  });
});

describe('detectDrift: kinds', () => {
  it.each<[string, Record<string, unknown>, string, string, string]>([
    [
      'string → integer',
      { user_id: 'u-1' },
      'BREAKING type_changed $.user_id',
      'integer',
      'string',
    ],
    [
      'object → scalar',
      { profile: 'none' },
      'BREAKING object_to_scalar $.profile',
      'object',
      'string',
    ],
    [
      'scalar → object',
      { name: { first: 'A' } },
      'BREAKING scalar_to_object $.name',
      'string',
      'object',
    ],
    ['array → non-array', { tags: 'a,b' }, 'BREAKING array_to_non_array $.tags', 'array', 'string'],
    [
      'non-array → array',
      { email: ['a@b.io'] },
      'BREAKING non_array_to_array $.email',
      'string',
      'array',
    ],
    [
      'boolean where a string was',
      { name: true },
      'BREAKING type_changed $.name',
      'string',
      'boolean',
    ],
    [
      'decimal where only integers',
      { visits: 2.5 },
      'WARNING integer_to_number $.visits',
      'integer',
      'number',
    ],
    ['null where never null', { email: null }, 'WARNING became_null $.email', 'string', 'null'],
    [
      'value outside the enum',
      { status: 'archived' },
      'WARNING enum_value $.status',
      '"active" | "banned" | "pending"',
      '"archived"',
    ],
    [
      'string off its format',
      { email: 'nobody' },
      'WARNING format_mismatch $.email',
      'email',
      '"nobody"',
    ],
    [
      'nested format',
      { profile: { avatar: 'n/a', bio: 'x' } },
      'WARNING format_mismatch $.profile.avatar',
      'uri',
      '"n/a"',
    ],
    ['new field', { plan: 'pro' }, 'INFO field_added $.plan', 'absent', 'string'],
    [
      'new nested field',
      { profile: { avatar: 'https://a.io', bio: null, cover: null } },
      'INFO field_added $.profile.cover',
      'absent',
      'null',
    ],
  ])('%s', (_name, patch, expected, expectedText, actualText) => {
    const changes = detectDrift(USERS, { ...BASE, ...patch });
    expect(brief(changes)).toEqual([expected]);
    expect(changes[0]).toMatchObject({ expected: expectedText, actual: actualText });
  });

  it('treats a required field that is present but null as became_null, not removed', () => {
    expect(brief(detectDrift(USERS, { ...BASE, user_id: null }))).toEqual([
      'WARNING became_null $.user_id',
    ]);
  });

  it('accepts integers where only decimals were learned', () => {
    const prices = learn(times(25, (i) => ({ price: i + 0.5 })));
    expect(detectDrift(prices, { price: 3 })).toEqual([]);
  });

  it('raises nothing for a value where only null was ever seen', () => {
    const empty = learn(times(25, () => ({ deleted_at: null })));
    expect(detectDrift(empty, { deleted_at: '2024-01-01T00:00:00Z' })).toEqual([]);
  });

  it('does not judge places seen fewer than minSamples times', () => {
    const rare = learn(times(25, (i) => (i < 3 ? { a: 1, extra: { x: 1 } } : { a: 1 })));
    expect(detectDrift(rare, { a: 1, extra: 'text' })).toEqual([]);
    expect(brief(detectDrift(rare, { a: 1, extra: 'text' }, { minSamples: 3 }))).toEqual([
      'BREAKING object_to_scalar $.extra',
    ]);
  });

  it('checks request bodies against the request schema the same way', () => {
    const orders = learn(
      times(25, (i) => ({ amount: i * 10, currency: 'EUR', lines: [{ sku: `s${i}`, qty: 1 }] })),
    );
    const body = {
      amount: '10',
      lines: [
        { sku: 's1', qty: 1 },
        { sku: 9, qty: 1 },
      ],
    };
    expect(brief(detectDrift(orders, body))).toEqual([
      'BREAKING type_changed $.amount',
      'BREAKING field_removed $.currency',
      'BREAKING type_changed $.lines[*].sku',
    ]);
  });
});

describe('detectDrift: arrays and roots', () => {
  const cart = learn(
    times(25, (i) => ({ items: times(10, (j) => ({ id: i * 10 + j, price: 1.5 })) })),
  );
  const items = (patch: (j: number) => Record<string, unknown>): unknown => ({
    items: times(10, (j) => ({ id: j, price: 2.5, ...patch(j) })),
  });

  it('checks every element, not only the first (a bad 7th element is found)', () => {
    const body = items((j) => (j === 6 ? { price: '2.50' } : {}));
    expect(brief(detectDrift(cart, body))).toEqual(['BREAKING type_changed $.items[*].price']);
  });

  it('reports a change once per path however many elements have it', () => {
    const body = items((j) => (j % 2 === 0 ? { price: '2.50', id: undefined } : {}));
    expect(brief(detectDrift(cart, body))).toEqual([
      'BREAKING field_removed $.items[*].id',
      'BREAKING type_changed $.items[*].price',
    ]);
  });

  it('checks at most maxArrayItems elements per array', () => {
    const body = items((j) => (j === 6 ? { price: '2.50' } : {}));
    expect(detectDrift(cart, body, { maxArrayItems: 6 })).toEqual([]);
  });

  it.each<[string, unknown[], unknown, string[]]>([
    [
      'root array elements',
      times(25, (i) => [{ id: i }]),
      [{ id: 1 }, { id: 'x' }],
      ['BREAKING type_changed $[*].id'],
    ],
    [
      'root array → object',
      times(25, (i) => [{ id: i }]),
      { id: 1 },
      ['BREAKING array_to_non_array $'],
    ],
    ['root scalar', times(25, (i) => i), 'seven', ['BREAKING type_changed $']],
    [
      'root object → array',
      times(25, (i) => ({ id: i })),
      [{ id: 1 }],
      ['BREAKING non_array_to_array $'],
    ],
    [
      'nested arrays',
      times(25, () => [[1, 2], [3]]),
      [[1], [2, 'x']],
      ['BREAKING type_changed $[*][*]'],
    ],
  ])('%s', (_name, samples, body, expected) => {
    expect(brief(detectDrift(learn(samples), body))).toEqual(expected);
  });
});

describe('detectDrift: untrusted input and bounds', () => {
  it('never calls a key of a collapsed map new, but still checks its values', () => {
    const byId = (offset: number): Record<string, number> =>
      Object.fromEntries(times(MAX_PROPERTIES + 1, (i) => [`k${offset + i}`, i]));
    const maps = learn(times(25, (i) => ({ byId: byId(i * 1000) })));
    expect(maps.properties?.['byId']?.additionalProperties).toBeDefined();
    expect(detectDrift(maps, { byId: { fresh: 1, other: 2 } })).toEqual([]);
    expect(brief(detectDrift(maps, { byId: { fresh: 'x' } }))).toEqual([
      'BREAKING type_changed $.byId.*',
    ]);
  });

  it('treats __proto__ and constructor as plain keys', () => {
    const learned = learn(times(25, (i) => JSON.parse(`{"constructor": ${i}, "a": 1}`) as unknown));
    const body: unknown = JSON.parse('{"a": 1, "__proto__": {"polluted": true}}');
    expect(brief(detectDrift(learned, body))).toEqual([
      'BREAKING field_removed $.constructor',
      'INFO field_added $.__proto__',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads schemas parsed back from storage (ordinary prototypes) the same way', () => {
    const learned = learn(times(25, (i) => JSON.parse(`{"constructor": ${i}, "a": 1}`) as unknown));
    const stored = JSON.parse(JSON.stringify(learned)) as SchemaNode;
    for (const body of [{ a: 1 }, { a: 'x', toString: 1 }, BASE]) {
      expect(detectDrift(stored, body)).toEqual(detectDrift(learned, body));
    }
    expect(brief(detectDrift(stored, { a: 1 }))).toEqual(['BREAKING field_removed $.constructor']);
  });

  it('escapes odd keys in paths', () => {
    const changes = detectDrift(USERS, { ...BASE, 'first name': 'x', 'a"\nb': 1 });
    expect(changes.map((c) => c.path)).toEqual(['$["a\\"\\nb"]', '$["first name"]']);
  });

  it('keeps the most severe changes when more than maxChanges are found', () => {
    const body: Record<string, unknown> = { ...BASE, user_id: undefined, status: 'x' };
    for (let i = 0; i < 30; i++) body[`extra${i}`] = i;
    const changes = detectDrift(USERS, body, { maxChanges: 5 });
    expect(changes).toHaveLength(5);
    expect(brief(changes).slice(0, 2)).toEqual([
      'BREAKING field_removed $.user_id',
      'WARNING enum_value $.status',
    ]);
  });

  it('stops visiting values once maxValues is spent', () => {
    const cart = learn(times(25, () => ({ items: times(10, () => ({ price: 1 })) })));
    const body = (bad: number): unknown => ({
      items: times(60, (j) => ({ price: j === bad ? 'x' : 1 })),
    });
    // Each element costs 3 visits (element, property, value), plus 2 for the root.
    expect(detectDrift(cart, body(10), { maxValues: 40 })).toHaveLength(1);
    expect(detectDrift(cart, body(20), { maxValues: 40 })).toEqual([]);
  });

  it('stays fast and stack-safe on huge and deeply nested bodies', () => {
    let learnedDeep: unknown = 1;
    for (let i = 0; i < 100; i++) learnedDeep = { a: learnedDeep };
    const learned = learn(times(25, () => ({ list: [{ n: 1 }], deep: learnedDeep })));
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const body = { list: times(50_000, () => ({ n: 'x', m: 1 })), deep };
    const started = performance.now();
    const changes = detectDrift(learned, body, { maxArrayItems: 1_000_000 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(brief(changes)).toEqual([
      'BREAKING type_changed $.list[*].n',
      'INFO field_added $.list[*].m',
    ]);
  });

  it('finds nothing in a body it learned (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const body: unknown = JSON.parse(JSON.stringify(value));
        return detectDrift(learn(times(20, () => body)), body).length === 0;
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('returns at most maxChanges sorted changes for any body and schema (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 20, maxLength: 25 }),
        fc.jsonValue({ maxDepth: 3 }),
        (samples, body) => {
          const changes = detectDrift(learn(samples), body, { maxChanges: 8 });
          const ranks = changes.map((c) => ['BREAKING', 'WARNING', 'INFO'].indexOf(c.severity));
          return (
            changes.length <= 8 && ranks.every((rank, i) => i === 0 || rank >= (ranks[i - 1] ?? 0))
          );
        },
      ),
      { seed: 23, numRuns: 300 },
    );
  });
});
