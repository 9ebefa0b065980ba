import type { Faker } from '@faker-js/faker';
import type { FieldKind } from './field-kinds.js';

/** What a value generator needs: a seeded faker and the clock dates are relative to. */
export interface ValueContext {
  faker: Faker;
  /** Epoch ms "now": every date is generated relative to it, never to the wall clock. */
  now: number;
}

/** A generated scalar in the kind's natural JSON type. */
export type ScalarValue = string | number | boolean;

const DAY_MS = 24 * 60 * 60 * 1000;
const STATUSES = ['active', 'pending', 'inactive', 'completed', 'processing', 'draft'];

const iso = (date: Date): string => date.toISOString();

/** One generator per kind; dates always take `refDate: now` so faker never reads the clock. */
const GENERATORS: Record<FieldKind, (f: Faker, now: number) => ScalarValue> = {
  id: (f) => f.number.int({ min: 1, max: 100_000 }),
  uuid: (f) => f.string.uuid(),
  email: (f) => f.internet.email().toLowerCase(),
  phone: (f) => f.phone.number({ style: 'international' }),
  firstName: (f) => f.person.firstName(),
  lastName: (f) => f.person.lastName(),
  fullName: (f) => `${f.person.firstName()} ${f.person.lastName()}`,
  username: (f) => f.internet.username().toLowerCase(),
  company: (f) => f.company.name(),
  jobTitle: (f) => f.person.jobTitle(),
  imageUrl: (f) => `https://picsum.photos/seed/${f.string.alphanumeric(8)}/200/200`,
  url: (f) => `${f.internet.url({ appendSlash: false })}/${f.lorem.slug(2)}`,
  domain: (f) => f.internet.domainName(),
  createdDate: (f, now) => iso(f.date.past({ years: 1, refDate: now })),
  updatedDate: (f, now) => iso(f.date.recent({ days: 3, refDate: now })),
  expiryDate: (f, now) => iso(f.date.soon({ days: 90, refDate: now })),
  birthDate: (f, now) =>
    iso(f.date.birthdate({ mode: 'age', min: 18, max: 80, refDate: now })).slice(0, 10),
  date: (f, now) => iso(f.date.between({ from: now - 30 * DAY_MS, to: now })),
  price: (f) => f.number.float({ min: 1, max: 500, fractionDigits: 2 }),
  currency: (f) => f.finance.currencyCode(),
  count: (f) => f.number.int({ min: 0, max: 1000 }),
  age: (f) => f.number.int({ min: 18, max: 90 }),
  year: (f, now) => {
    const year = new Date(now).getUTCFullYear();
    return f.number.int({ min: year - 30, max: year });
  },
  rating: (f) => f.number.float({ min: 1, max: 5, fractionDigits: 1 }),
  percentage: (f) => f.number.float({ min: 0, max: 100, fractionDigits: 1 }),
  duration: (f) => f.number.int({ min: 1, max: 3600 }),
  fileSize: (f) => f.number.int({ min: 1024, max: 10_000_000 }),
  port: (f) => f.number.int({ min: 1024, max: 65_535 }),
  latitude: (f) => f.location.latitude({ precision: 6 }),
  longitude: (f) => f.location.longitude({ precision: 6 }),
  title: (f) => f.book.title(),
  description: (f) => f.lorem.sentence(),
  text: (f) => f.lorem.paragraph(3),
  word: (f) => f.lorem.word(),
  tag: (f) => f.word.noun().toLowerCase(),
  status: (f) => f.helpers.arrayElement(STATUSES),
  slug: (f) => f.lorem.slug(3),
  // Most flags named like `active` are on, most named like `deleted` are off.
  flagTrue: (f) => f.datatype.boolean({ probability: 0.85 }),
  flagFalse: (f) => f.datatype.boolean({ probability: 0.15 }),
  address: (f) => f.location.streetAddress(),
  city: (f) => f.location.city(),
  state: (f) => f.location.state({ abbreviated: true }),
  country: (f) => f.location.country(),
  countryCode: (f) => f.location.countryCode('alpha-2'),
  zipCode: (f) => f.location.zipCode('#####'),
  token: (f) => f.string.alphanumeric(40),
  hash: (f) => f.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
  color: (f) => f.color.rgb({ format: 'hex', casing: 'lower' }),
  ipv4: (f) => f.internet.ipv4(),
  ipv6: (f) => f.internet.ipv6(),
  macAddress: (f) => f.internet.mac(),
  userAgent: (f) => f.internet.userAgent(),
  locale: (f) => `${f.location.language().alpha2}-${f.location.countryCode('alpha-2')}`,
  language: (f) => f.location.language().alpha2,
  timezone: (f) => f.location.timeZone(),
  mimeType: (f) => f.system.mimeType(),
  fileName: (f) => f.system.fileName(),
  filePath: (f) => f.system.filePath(),
  version: (f) => f.system.semver(),
  sku: (f) => f.string.alphanumeric({ length: 8, casing: 'upper' }),
  iban: (f) => f.finance.iban(),
  accountNumber: (f) => f.finance.accountNumber(10),
  productName: (f) => f.commerce.productName(),
};

/**
 * Generates a realistic value for a field kind in its natural JSON type: numbers for counts,
 * prices and coordinates, booleans for flags, an ISO 8601 string for dates (`YYYY-MM-DD`
 * for birth dates), strings otherwise. Deterministic for a given faker state and `now`.
 */
export function generateValue(kind: FieldKind, ctx: ValueContext): ScalarValue {
  return GENERATORS[kind](ctx.faker, ctx.now);
}
