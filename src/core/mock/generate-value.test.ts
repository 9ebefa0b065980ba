import { faker } from '@faker-js/faker/locale/en';
import { describe, expect, it } from 'vitest';
import { detectFormats } from '../schema/format-detect.js';
import type { StringFormat } from '../schema/schema-node.js';
import { classifyField } from './classify-field.js';
import { FIELD_KINDS } from './field-kinds.js';
import type { FieldKind } from './field-kinds.js';
import { generateValue } from './generate-value.js';

const NOW = Date.UTC(2025, 0, 15, 12);
const DAY = 24 * 60 * 60 * 1000;
const SEEDS = Array.from({ length: 25 }, (_, i) => 1000 + i);

type Check = (value: unknown) => boolean;

const matches =
  (pattern: RegExp): Check =>
  (value) =>
    typeof value === 'string' && pattern.test(value);
const hasFormat =
  (format: StringFormat): Check =>
  (value) =>
    typeof value === 'string' && detectFormats(value).includes(format);
const integerIn =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const numberIn =
  (min: number, max: number, decimals: number): Check =>
  (value) =>
    typeof value === 'number' &&
    value >= min &&
    value <= max &&
    Math.abs(Math.round(value * 10 ** decimals) - value * 10 ** decimals) < 1e-6;
const dateIn =
  (from: number, to: number): Check =>
  (value) =>
    hasFormat('date-time')(value) &&
    Date.parse(value as string) >= from &&
    Date.parse(value as string) <= to;
const isBoolean: Check = (value) => typeof value === 'boolean';
const WORDS = /^[\p{L}][\p{L}'’.,&() -]*$/u;

/** Heuristic table: for every kind, a field name that selects it and a check of the value. */
const KINDS: Record<FieldKind, readonly [string, Check]> = {
  id: ['id', integerIn(1, 100_000)],
  uuid: ['uuid', hasFormat('uuid')],
  email: ['email', hasFormat('email')],
  phone: ['phone', matches(/^\+\d{7,15}$/)],
  firstName: ['first_name', matches(/^[A-Z][\p{L}' -]+$/u)],
  lastName: ['last_name', matches(/^[A-Z][\p{L}' -]+$/u)],
  fullName: ['name', matches(/^[A-Z][\p{L}'-]+ [A-Z][\p{L}' -]+$/u)],
  username: ['username', matches(/^[a-z0-9._-]+$/)],
  company: ['company', matches(WORDS)],
  jobTitle: ['job_title', matches(/^[A-Z][a-z]+( [A-Z][a-z]+)+$/)],
  imageUrl: ['avatar_url', matches(/^https:\/\/picsum\.photos\/seed\/\w+\/200\/200$/)],
  url: ['website', (v) => hasFormat('uri')(v) && (v as string).startsWith('https://')],
  domain: ['domain', hasFormat('hostname')],
  createdDate: ['created_at', dateIn(NOW - 366 * DAY, NOW)],
  updatedDate: ['updated_at', dateIn(NOW - 3 * DAY, NOW)],
  expiryDate: ['expires_at', dateIn(NOW, NOW + 90 * DAY)],
  birthDate: [
    'birth_date',
    (v) => hasFormat('date')(v) && Date.parse(v as string) < NOW - 17 * 365 * DAY,
  ],
  date: ['timestamp', dateIn(NOW - 30 * DAY, NOW)],
  price: ['price', numberIn(1, 500, 2)],
  currency: ['currency', matches(/^[A-Z]{3}$/)],
  count: ['count', integerIn(0, 1000)],
  age: ['age', integerIn(18, 90)],
  year: ['year', integerIn(1995, 2025)],
  rating: ['rating', numberIn(1, 5, 1)],
  percentage: ['percent', numberIn(0, 100, 1)],
  duration: ['duration', integerIn(1, 3600)],
  fileSize: ['file_size', integerIn(1024, 10_000_000)],
  port: ['port', integerIn(1024, 65_535)],
  latitude: ['lat', numberIn(-90, 90, 6)],
  longitude: ['lng', numberIn(-180, 180, 6)],
  title: ['title', (v) => typeof v === 'string' && v.length > 0 && !v.includes('\n')],
  description: ['description', matches(/^[A-Z][a-z]*( [a-z]+)*\.$/)],
  text: ['message', (v) => typeof v === 'string' && (v.match(/\. /g) ?? []).length >= 2],
  word: ['format', matches(/^[a-z]+$/)],
  tag: ['tag', matches(/^[a-z][a-z' -]*$/)],
  status: ['status', matches(/^(active|pending|inactive|completed|processing|draft)$/)],
  slug: ['slug', matches(/^[a-z]+(-[a-z]+){2}$/)],
  flagTrue: ['is_active', isBoolean],
  flagFalse: ['is_deleted', isBoolean],
  address: ['address', matches(/^\d+ \S/)],
  city: ['city', matches(WORDS)],
  state: ['province', matches(/^[A-Z]{2}$/)],
  country: ['country', (v) => matches(WORDS)(v) && !/^\d/.test(v as string)],
  countryCode: ['country_code', matches(/^[A-Z]{2}$/)],
  zipCode: ['zip_code', matches(/^\d{5}$/)],
  token: ['session_id', matches(/^[A-Za-z0-9]{40}$/)],
  hash: ['sha256', matches(/^[0-9a-f]{64}$/)],
  color: ['color', matches(/^#[0-9a-f]{6}$/)],
  ipv4: ['ip_address', hasFormat('ipv4')],
  ipv6: ['ipv6', matches(/^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){7}$/)],
  macAddress: ['mac_address', matches(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/)],
  userAgent: ['user_agent', matches(/^[A-Za-z]+\/\d/)],
  locale: ['locale', matches(/^[a-z]{2}-[A-Z]{2}$/)],
  language: ['language', matches(/^[a-z]{2}$/)],
  timezone: ['timezone', matches(/^[A-Za-z]+\/[A-Za-z_/+-]+$/)],
  mimeType: ['content_type', matches(/^[a-z]+\/[\w.+-]+$/)],
  fileName: ['filename', matches(/^[\w-]+\.\w+$/)],
  filePath: ['file_path', matches(/^\/[\w./+-]+$/)],
  version: ['version', matches(/^\d+\.\d+\.\d+$/)],
  sku: ['sku', matches(/^[A-Z0-9]{8}$/)],
  iban: ['iban', matches(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/)],
  accountNumber: ['account', matches(/^\d{10}$/)],
  productName: ['product_name', matches(/^[A-Z][a-z]+( [A-Z][a-z]+)+$/)],
};

describe('generateValue', () => {
  it('covers every kind in the heuristic table (at least 40)', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...FIELD_KINDS].sort());
    expect(FIELD_KINDS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(KINDS) as [FieldKind, readonly [string, Check]][])(
    '%s: the name selects the kind and every value has the kind',
    (kind, [name, check]) => {
      expect(classifyField(name)).toBe(kind);
      for (const seed of SEEDS) {
        faker.seed(seed);
        const value = generateValue(kind, { faker, now: NOW });
        expect({ seed, value, ok: check(value) }).toEqual({ seed, value, ok: true });
      }
    },
  );

  it.each([
    ['country', (v: unknown) => typeof v === 'string' && /^[A-Z]/.test(v)],
    ['message', (v: unknown) => typeof v === 'string' && v.split(' ').length > 5],
    ['lat', (v: unknown) => typeof v === 'number' && Math.abs(v) <= 90],
    ['format', (v: unknown) => typeof v === 'string' && Number.isNaN(Date.parse(v))],
    ['account', (v: unknown) => typeof v === 'string' && /^\d+$/.test(v)],
    ['filename', (v: unknown) => typeof v === 'string' && /\.\w+$/.test(v)],
    ['session_id', (v: unknown) => typeof v === 'string' && v.length >= 32],
  ])('the prototype mis-hit %s now gets a value of the right kind', (name, check) => {
    const kind = classifyField(name);
    expect(kind).toBeDefined();
    faker.seed(7);
    expect(check(generateValue(kind ?? 'word', { faker, now: NOW }))).toBe(true);
  });

  it('is reproducible: same seed and clock, same value; dates follow the clock', () => {
    const draw = (seed: number, now: number) => {
      faker.seed(seed);
      return FIELD_KINDS.map((kind) => generateValue(kind, { faker, now }));
    };
    expect(draw(3, NOW)).toEqual(draw(3, NOW));
    expect(draw(3, NOW)).not.toEqual(draw(4, NOW));
    faker.seed(3);
    const later = generateValue('updatedDate', { faker, now: NOW + 1000 * DAY });
    faker.seed(3);
    const earlier = generateValue('updatedDate', { faker, now: NOW });
    expect(Date.parse(String(later)) - Date.parse(String(earlier))).toBe(1000 * DAY);
  });

  it('biases flags: active-like mostly true, deleted-like mostly false', () => {
    faker.seed(11);
    const share = (kind: 'flagTrue' | 'flagFalse') =>
      Array.from({ length: 2000 }, () => generateValue(kind, { faker, now: NOW })).filter(Boolean)
        .length / 2000;
    expect(share('flagTrue')).toBeGreaterThan(0.8);
    expect(share('flagFalse')).toBeLessThan(0.2);
  });
});
