import { faker } from '@faker-js/faker/locale/en';
import { describe, expect, it } from 'vitest';
import { detectFormats } from '../schema/format-detect.js';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode } from '../schema/schema-node.js';
import type { SchemaNode, StringFormat } from '../schema/schema-node.js';
import { classifyField } from './classify-field.js';
import { generateScalar } from './generate-scalar.js';
import type { ScalarType } from './generate-scalar.js';
import type { ScalarValue } from './generate-value.js';

const NOW = Date.UTC(2025, 0, 15, 12);
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;
const SEEDS = Array.from({ length: 40 }, (_, i) => 500 + i);

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

function draw(name: string, node: SchemaNode, type: ScalarType): ScalarValue[] {
  return SEEDS.map((seed) => {
    faker.seed(seed);
    return generateScalar(node, type, classifyField(name), { faker, now: NOW });
  });
}

const repeat = <T>(values: readonly T[], times: number): T[] =>
  Array.from({ length: times }, (_, i) => values[i % values.length] as T);
const isFormat = (format: StringFormat) => (v: ScalarValue) =>
  typeof v === 'string' && detectFormats(v).includes(format);

const OVERRIDES: readonly (readonly [
  string,
  string,
  unknown[],
  ScalarType,
  (v: ScalarValue) => boolean,
])[] = [
  ['integer price', 'price', [10, 20], 'integer', Number.isInteger],
  ['string count', 'count', ['5', '7'], 'string', (v) => typeof v === 'string' && /^\d+$/.test(v)],
  ['email format on `name`', 'name', ['a@example.com'], 'string', isFormat('email')],
  [
    'uuid format on `id`',
    'id',
    ['0b0f4c1e-8a6d-4c4e-9a4f-1f0a3c2b5d6e'],
    'string',
    isFormat('uuid'),
  ],
  [
    'date-time format on `title`',
    'title',
    ['2024-01-01T00:00:00Z'],
    'string',
    isFormat('date-time'),
  ],
  ['hostname format on `url`', 'url', ['api.example.com'], 'string', isFormat('hostname')],
  ['ipv4 format on `city`', 'city', ['10.0.0.1'], 'string', isFormat('ipv4')],
  [
    'uri format on `avatar`',
    'avatar',
    ['https://x.test/a.png'],
    'string',
    (v) => isFormat('uri')(v) && String(v).includes('picsum'),
  ],
  ['uri format on `website`', 'website', ['https://x.test/'], 'string', isFormat('uri')],
  ['date format on `birthday`', 'birthday', ['1990-05-01'], 'string', isFormat('date')],
  [
    'future date-time for `expires_at`',
    'expires_at',
    ['2024-01-01T00:00:00Z'],
    'string',
    (v) => isFormat('date-time')(v) && Date.parse(String(v)) > NOW,
  ],
  [
    'epoch seconds for integer `created_at`',
    'created_at',
    [1_700_000_000],
    'integer',
    (v) => Number.isInteger(v) && Number(v) * 1000 <= NOW && Number(v) * 1000 >= NOW - YEAR_MS,
  ],
  [
    'epoch ms for integer `created_at` in ms',
    'created_at',
    [1_700_000_000_000],
    'integer',
    (v) => Number.isInteger(v) && Number(v) <= NOW && Number(v) >= NOW - YEAR_MS,
  ],
  [
    'string `lat`',
    'lat',
    ['48.85'],
    'string',
    (v) => typeof v === 'string' && Math.abs(Number(v)) <= 90,
  ],
  ['string `is_active`', 'is_active', ['yes'], 'string', (v) => v === 'true' || v === 'false'],
  ['integer `country`', 'country', [1, 2], 'integer', Number.isInteger],
  [
    'integer `zip`',
    'zip',
    [75001],
    'integer',
    (v) => Number.isInteger(v) && Number(v) >= 0 && Number(v) <= 99_999,
  ],
  ['boolean `price`', 'price', [true], 'boolean', (v) => typeof v === 'boolean'],
  [
    'number `rating`',
    'rating',
    [4.5],
    'number',
    (v) => typeof v === 'number' && Number(v) >= 1 && Number(v) <= 5,
  ],
];

describe('generateScalar', () => {
  it.each(OVERRIDES)(
    'never overrides the learned type or format: %s',
    (_, name, samples, type, check) => {
      const node = learn(samples);
      for (const value of draw(name, node, type))
        expect({ value, ok: check(value) }).toEqual({ value, ok: true });
    },
  );

  it('lets a learned enum decide, with the learned frequencies', () => {
    const node = learn(repeat(['gold', 'gold', 'silver'], 30));
    const values = SEEDS.flatMap((seed) => {
      faker.seed(seed);
      return Array.from({ length: 25 }, () =>
        generateScalar(node, 'string', 'email', { faker, now: NOW }),
      );
    });
    expect(new Set(values)).toEqual(new Set(['gold', 'silver']));
    const gold = values.filter((v) => v === 'gold').length / values.length;
    expect(gold).toBeGreaterThan(0.6);
    expect(gold).toBeLessThan(0.73);
  });

  it.each([
    ['count', repeat([3, 4, 5, 6, 7], 25), 'integer', 3, 7],
    ['price', repeat([1.5, 2, 2.5], 25), 'number', 1.5, 2.5],
    ['unknown_metric', repeat([-4, 9], 25), 'integer', -4, 9],
  ] as const)('keeps %s inside a trusted range', (name, samples, type, min, max) => {
    for (const value of draw(name, learn(samples), type)) {
      expect(value).toBeGreaterThanOrEqual(min);
      expect(value).toBeLessThanOrEqual(max);
    }
  });

  it('bounds heuristic strings by a trusted length range, in code points', () => {
    const node = learn(repeat(['Ann', 'Bob', 'Zoë', 'Lu'], 25));
    for (const value of draw('name', node, 'string')) {
      expect(Array.from(String(value)).length).toBeGreaterThanOrEqual(2);
      expect(Array.from(String(value)).length).toBeLessThanOrEqual(3);
    }
  });

  it('does not pin a heuristic to the range of one sample, but keeps generic values near it', () => {
    const counts = draw('count', learn([5]), 'integer');
    expect(counts.some((v) => Number(v) > 20)).toBe(true);
    const names = draw('name', learn(['Al']), 'string');
    expect(names.every((v) => String(v).includes(' '))).toBe(true);
    for (const value of draw('unknown_metric', learn([42]), 'integer')) {
      expect(value).toBeGreaterThanOrEqual(21);
      expect(value).toBeLessThanOrEqual(63);
    }
    for (const value of draw('foo_bar', learn(['abcdef']), 'string')) {
      expect(String(value).length).toBeGreaterThanOrEqual(3);
      expect(String(value).length).toBeLessThanOrEqual(14);
    }
  });

  it('draws generic values when nothing is known', () => {
    const node = learn([]);
    expect(
      draw('x', node, 'integer').every(
        (v) => Number.isInteger(v) && Number(v) >= 0 && Number(v) <= 1000,
      ),
    ).toBe(true);
    expect(draw('x', node, 'number').every((v) => typeof v === 'number')).toBe(true);
    expect(draw('x', node, 'string').every((v) => typeof v === 'string' && v.length > 0)).toBe(
      true,
    );
    expect(new Set(draw('x', node, 'boolean'))).toEqual(new Set([true, false]));
  });
});
