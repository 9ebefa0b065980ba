import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormats } from './format-detect.js';
import { STRING_FORMATS } from './schema-node.js';
import type { StringFormat } from './schema-node.js';

const ajv = new Ajv2020();
addFormats.default(ajv);
const checkers = new Map(
  STRING_FORMATS.map((format) => [format, ajv.compile({ type: 'string', format })]),
);

describe('detectFormats', () => {
  it.each<[string, StringFormat[]]>([
    ['2024-02-29T23:59:59Z', ['date-time']],
    ['2024-01-01t00:00:00.123456+05:30', ['date-time']],
    ['1999-12-31 08:15:00-08:00', ['date-time']],
    ['2024-02-29', ['date']],
    ['2000-02-29', ['date']],
    ['jane.doe+tag@mail.example.co', ['email']],
    ['A_B%c@sub-domain.example', ['email']],
    ['123e4567-E89B-12d3-a456-426614174000', ['uuid']],
    ['00000000-0000-0000-0000-000000000000', ['uuid']],
    ['https://api.example.com:8443/v1/users?id=1&x=%20#top', ['uri']],
    ['ftp://files.example.org', ['uri']],
    ['wss://127.0.0.1/socket', ['uri']],
    ['192.168.0.1', ['ipv4']],
    ['0.0.0.0', ['ipv4']],
    ['255.255.255.255', ['ipv4']],
    ['api.example.com', ['hostname']],
    ['xn--bcher-kva.example', ['hostname']],
    ['a1.b2.io', ['hostname']],
  ])('detects %s as %j', (value, expected) => {
    expect(detectFormats(value)).toEqual(expected);
  });

  it.each([
    '',
    'hello',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-01-32',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:60:00Z',
    '2024-01-01T10:00:60Z',
    '2024-01-01T10:00:00',
    '2024-01-01T10:00:00+24:00',
    '2024-1-01',
    'jane@localhost',
    'jane..doe@example.com',
    '.jane@example.com',
    'jane@-example.com',
    'jane@example-.com',
    'jane doe@example.com',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567e89b12d3a456426614174000',
    'g23e4567-e89b-12d3-a456-426614174000',
    'example.com/path',
    'http://exa mple.com',
    'http://example.com/%zz',
    'mailto:jane@example.com',
    'http://',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.5',
    'v1.2.3',
    'localhost',
    'example.com.',
    '-bad.example.com',
    `${'a'.repeat(64)}.example.com`,
  ])('detects nothing in %j', (value) => {
    expect(detectFormats(value)).toEqual([]);
  });

  it('ignores inputs past the length cap', () => {
    expect(detectFormats(`https://example.com/${'a'.repeat(3000)}`)).toEqual([]);
  });

  it('stays fast on adversarial inputs (no catastrophic backtracking)', () => {
    const inputs = [
      `${'a-'.repeat(1000)}@`,
      `a@${'a-'.repeat(120)}`,
      `${'a.'.repeat(120)}1`,
      `http://a${'/a'.repeat(1000)} `,
      `${'1'.repeat(60)}Z`,
    ];
    const started = performance.now();
    for (let round = 0; round < 200; round++) for (const input of inputs) detectFormats(input);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('recognises generated values of each format', () => {
    const cases: [fc.Arbitrary<string>, StringFormat][] = [
      [fc.uuid(), 'uuid'],
      [fc.ipV4(), 'ipv4'],
      [
        fc
          .date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })
          .map((d) => d.toISOString()),
        'date-time',
      ],
      [
        fc
          .date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })
          .map((d) => d.toISOString().slice(0, 10)),
        'date',
      ],
    ];
    for (const [arbitrary, format] of cases) {
      fc.assert(
        fc.property(arbitrary, (value) => detectFormats(value).includes(format)),
        { seed: 7, numRuns: 200 },
      );
    }
  });

  it('never claims a format ajv-formats would reject', () => {
    const candidates = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.emailAddress(),
      fc.domain(),
      fc.uuid(),
      fc.ipV4(),
      fc.ipV4Extended(),
      fc.string({ unit: fc.constantFrom(...'0123456789-:.TZ+ ab@/'), maxLength: 30 }),
    );
    fc.assert(
      fc.property(candidates, (value) =>
        detectFormats(value).every((format) => checkers.get(format)?.(value) === true),
      ),
      { seed: 42, numRuns: 2000 },
    );
  });
});
