import { describe, expect, it } from 'vitest';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode, MAX_DEPTH } from '../schema/schema-node.js';
import type { SchemaNode } from '../schema/schema-node.js';
import {
  generateBody,
  MAX_ARRAY_ITEMS,
  MAX_GENERATED_VALUES,
  NO_SCHEMA_MESSAGE,
} from './generate-body.js';
import type { MockContext } from './generate-body.js';

const NOW = Date.UTC(2025, 0, 15, 12);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

function context(overrides: Partial<MockContext> = {}): MockContext {
  return { seed: 1, now: NOW, pathParams: {}, ...overrides };
}

type Body = Record<string, unknown>;
const asBody = (value: unknown): Body => value as Body;
const seeds = (count: number, from = 1): number[] =>
  Array.from({ length: count }, (_, i) => from + i);

const USER = learn([
  {
    id: 1,
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    age: 36,
    country: 'UK',
    tags: ['math', 'poetry'],
    address: { city: 'London', zip_code: '12345' },
    created_at: '2024-01-02T03:04:05Z',
    is_active: true,
  },
  {
    id: 2,
    name: 'Alan Turing',
    email: 'alan@example.com',
    age: 41,
    country: 'UK',
    tags: ['logic'],
    address: { city: 'Wilmslow', zip_code: '54321' },
    created_at: '2024-02-03T04:05:06Z',
    is_active: false,
  },
]);

describe('generateBody: fallbacks and shapes', () => {
  it('answers a message object when nothing was learned', () => {
    expect(generateBody(undefined, context())).toEqual({ message: NO_SCHEMA_MESSAGE });
    expect(generateBody(createSchemaNode(), context())).toEqual({ message: NO_SCHEMA_MESSAGE });
  });

  it.each([
    ['root string', ['hello', 'world'], (v: unknown) => typeof v === 'string'],
    ['root integer', [1, 5], (v: unknown) => Number.isInteger(v)],
    ['root null', [null], (v: unknown) => v === null],
    [
      'root array of objects',
      [[{ a: 1 }]],
      (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'object'),
    ],
  ])('generates a %s', (_, samples, check) => {
    expect(check(generateBody(learn(samples), context()))).toBe(true);
  });

  it('names a root array after the template for heuristics', () => {
    const strings = learn([['x', 'y', 'z']]);
    const body = generateBody(strings, context({ template: '/emails' })) as unknown[];
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((v) => /@/.test(String(v)))).toBe(true);
    const explicit = generateBody(
      strings,
      context({ template: '/a', fieldPath: 'uuid' }),
    ) as unknown[];
    expect(explicit.length).toBeGreaterThan(0);
    expect(explicit.every((v) => UUID.test(String(v)))).toBe(true);
  });

  it('follows the learned shape with heuristic values', () => {
    const body = asBody(generateBody(USER, context()));
    expect(Object.keys(body).sort()).toEqual(Object.keys(USER.properties ?? {}).sort());
    expect(body.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(Number.isInteger(body.age)).toBe(true);
    expect(String(body.created_at)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(typeof body.is_active).toBe('boolean');
    expect(asBody(body.address).zip_code).toMatch(/^\d{5}$/);
  });
});

describe('generateBody: reproducibility', () => {
  it('gives byte-identical bodies for the same seed', () => {
    for (const seed of seeds(10)) {
      const a = JSON.stringify(generateBody(USER, context({ seed })));
      generateBody(USER, context({ seed: seed + 1000 })); // unrelated call in between
      expect(JSON.stringify(generateBody(USER, context({ seed })))).toBe(a);
    }
  });

  it('gives at least 15 distinct bodies for 20 seeds', () => {
    const bodies = seeds(20, 100).map((seed) =>
      JSON.stringify(generateBody(USER, context({ seed }))),
    );
    expect(new Set(bodies).size).toBeGreaterThanOrEqual(15);
  });
});

describe('generateBody: echoes', () => {
  it('echoes the path id into the entity, converted to the learned type', () => {
    const body = asBody(
      generateBody(USER, context({ template: '/users/{id}', pathParams: { id: '42' } })),
    );
    expect(body.id).toBe(42);
    const stringIds = learn([{ id: 'u1', name: 'x' }]);
    expect(
      asBody(
        generateBody(stringIds, context({ template: '/users/{id}', pathParams: { id: '42' } })),
      ).id,
    ).toBe('42');
  });

  it('does not echo a value the field cannot hold', () => {
    const uuidIds = learn([{ id: '0b0f4c1e-8a6d-4c4e-9a4f-1f0a3c2b5d6e' }]);
    const body = asBody(
      generateBody(uuidIds, context({ template: '/users/{id}', pathParams: { id: '42' } })),
    );
    expect(body.id).toMatch(UUID);
  });

  it('echoes into a wrapped entity and into resource-id fields of list items', () => {
    const wrapped = learn([{ meta: { page: 1 }, data: { id: 1, name: 'x' } }]);
    const body = asBody(
      generateBody(wrapped, context({ template: '/users/{id}', pathParams: { id: '42' } })),
    );
    expect(asBody(body.data).id).toBe(42);
    expect(asBody(body.meta).page).not.toBe(42);

    const order = (id: number) => ({ id, user_id: id + 1, total: 3.5 });
    const orders = learn([
      [order(1), order(2), order(3)],
      [order(4), order(5), order(6)],
    ]);
    const list = generateBody(
      orders,
      context({ template: '/users/{id}/orders', pathParams: { id: '42' } }),
    );
    expect(Array.isArray(list)).toBe(true);
    const items = list as Body[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((order) => order.user_id === 42)).toBe(true);
    expect(items.some((order) => order.id !== 42)).toBe(true);
  });

  it('echoes request scalars when the types agree, at the same place', () => {
    const requestBody = {
      name: 'Bob',
      age: '30',
      email: 'bob@example.org',
      address: { city: 'Paris' },
      extra: 1,
    };
    const body = asBody(generateBody(USER, context({ template: '/users', requestBody })));
    expect(body.name).toBe('Bob');
    expect(body.email).toBe('bob@example.org');
    expect(Number.isInteger(body.age)).toBe(true);
    expect(asBody(body.address).city).toBe('Paris');
    expect('extra' in body).toBe(false);
  });
});

describe('generateBody: entity consistency', () => {
  const get = (template: string, id: string, seed: number) =>
    JSON.stringify(generateBody(USER, context({ template, pathParams: { id }, seed })));

  it('returns the same entity for the same id whatever the seed', () => {
    const first = get('/users/{id}', '42', 1);
    for (const seed of seeds(10, 2)) expect(get('/users/{id}', '42', seed)).toBe(first);
  });

  it('returns different entities for different ids and endpoints', () => {
    expect(get('/users/{id}', '43', 1)).not.toBe(get('/users/{id}', '42', 1));
    expect(get('/people/{id}', '42', 1)).not.toBe(get('/users/{id}', '42', 1));
  });

  it('keeps the entity stable while the rest of the body follows the seed', () => {
    const wrapped = learn([{ request_id: 'abc', data: { id: 1, name: 'x', email: 'a@b.io' } }]);
    const bodies = seeds(10).map((seed) =>
      asBody(
        generateBody(wrapped, context({ template: '/users/{id}', pathParams: { id: '7' }, seed })),
      ),
    );
    expect(new Set(bodies.map((b) => JSON.stringify(b.data))).size).toBe(1);
    expect(new Set(bodies.map((b) => b.request_id)).size).toBeGreaterThan(5);
  });
});

describe('generateBody: learned frequencies', () => {
  const draws = (node: SchemaNode, count = 1000) =>
    seeds(count).map((seed) => asBody(generateBody(node, context({ seed }))));
  const share = (bodies: Body[], test: (b: Body) => boolean) =>
    bodies.filter(test).length / bodies.length;

  it('emits an optional field with probability count/objects', () => {
    const node = learn(seeds(100).map((i) => (i % 10 < 3 ? { id: i, nick: 'n' } : { id: i })));
    expect(share(draws(node), (b) => 'nick' in b)).toBeCloseTo(0.3, 1);
  });

  it('emits null with probability nullCount/count and kinds with their counts', () => {
    const node = learn(
      seeds(100).map((i) => ({ note: i % 4 === 0 ? null : 'x', v: i % 4 === 1 ? 'a' : i })),
    );
    const bodies = draws(node);
    expect(share(bodies, (b) => b.note === null)).toBeCloseTo(0.25, 1);
    expect(share(bodies, (b) => typeof b.v === 'string')).toBeCloseTo(0.25, 1);
  });

  it('sizes arrays within a trusted item range, capped at MAX_ARRAY_ITEMS', () => {
    const small = learn(
      seeds(30).map((i) => ({ xs: Array.from({ length: 2 + (i % 4) }, () => 1) })),
    );
    const sizes = draws(small, 200).map((b) => (b.xs as unknown[]).length);
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBe(5);
    const large = learn(seeds(30).map(() => ({ xs: Array.from({ length: 30 }, () => 1) })));
    expect(draws(large, 5).every((b) => (b.xs as unknown[]).length === MAX_ARRAY_ITEMS)).toBe(true);
  });

  it('fills a collapsed map with a few entries of the learned value kind', () => {
    const node = createSchemaNode();
    node.count = 1;
    node.types.object = 1;
    node.additionalProperties = learn([1, 2, 3]);
    for (const body of draws(node, 50)) {
      const values = Object.values(body);
      expect(values.length).toBeGreaterThanOrEqual(1);
      expect(values.length).toBeLessThanOrEqual(3);
      expect(values.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('generateBody: untrusted and oversized schemas', () => {
  it('keeps learned keys such as __proto__ as plain data', () => {
    const node = learn([JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "x"}')]);
    const body = asBody(generateBody(node, context()));
    expect(Object.keys(body).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(body)).toMatch(/"__proto__":\{"polluted":-?\d+\}/);
  });

  it('stops at the depth cap on a hand-made, very deep schema', () => {
    let node = learn(['leaf']);
    for (let i = 0; i < 500; i++) {
      const parent = learn([{}]);
      parent.properties = Object.assign(Object.create(null) as Record<string, SchemaNode>, {
        next: node,
      });
      node = parent;
    }
    let depth = 0;
    for (let value = generateBody(node, context()); value !== undefined; depth++) {
      value = asBody(value).next;
    }
    expect(depth).toBe(MAX_DEPTH + 1);
  });

  it('bounds the number of generated values', () => {
    // Four levels of arrays trusted to hold exactly 20 items: 160,000 leaves unbounded.
    let node = learn(['x']);
    for (let i = 0; i < 4; i++) {
      const parent = learn(seeds(25).map(() => []));
      Object.assign(parent, { minItems: 20, maxItems: 20, items: node });
      node = parent;
    }
    const count = (value: unknown): number =>
      Array.isArray(value) ? 1 + value.reduce((sum: number, v) => sum + count(v), 0) : 1;
    const total = count(generateBody(node, context()));
    expect(total).toBeGreaterThan(MAX_GENERATED_VALUES / 2);
    expect(total).toBeLessThanOrEqual(MAX_GENERATED_VALUES);
  });
});
