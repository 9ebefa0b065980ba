import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from './builtin-profiles.js';
import { validateChaosProfile } from './validate-chaos-profile.js';

const fieldsOf = (input: unknown): string[] => {
  const result = validateChaosProfile(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('validateChaosProfile', () => {
  it.each(Object.values(BUILTIN_PROFILES))('accepts the built-in $name as is', (profile) => {
    expect(validateChaosProfile(JSON.parse(JSON.stringify(profile)))).toEqual({
      ok: true,
      value: profile,
    });
  });

  it('fills defaults and upper-cases methods', () => {
    expect(validateChaosProfile({ name: 'slow-writes', methodLatencyMs: { post: 200 } })).toEqual({
      ok: true,
      value: {
        name: 'slow-writes',
        description: '',
        level: 0,
        latencyMs: 0,
        methodLatencyMs: { POST: 200 },
      },
    });
  });

  it('keeps every valid field', () => {
    const full = {
      name: 'flaky_01',
      description: 'Flaky',
      level: 100,
      latencyMs: 60_000,
      latencyJitterMs: 0,
      methodLatencyMs: { GET: 0 },
      errorRate: 1,
      errorStatus: 599,
      resetRate: 0,
      hangRate: 0.5,
      corruptRate: 0.25,
    };
    const result = validateChaosProfile(full);
    expect(result.ok && JSON.parse(JSON.stringify(result.value))).toEqual(full);
  });

  it.each([
    ['not an object', 'x', ['']],
    ['an array', [], ['']],
    ['null', null, ['']],
    ['missing name', {}, ['name']],
    ['upper-case name', { name: 'Friday' }, ['name']],
    ['long name', { name: 'a'.repeat(41) }, ['name']],
    ['description type', { name: 'a', description: 5 }, ['description']],
    ['long description', { name: 'a', description: 'x'.repeat(501) }, ['description']],
    ['level above 100', { name: 'a', level: 101 }, ['level']],
    ['fractional level', { name: 'a', level: 1.5 }, ['level']],
    ['negative latency', { name: 'a', latencyMs: -1 }, ['latencyMs']],
    ['latency above a minute', { name: 'a', latencyMs: 60_001 }, ['latencyMs']],
    ['rate above 1', { name: 'a', errorRate: 1.01 }, ['errorRate']],
    ['rate as a string', { name: 'a', resetRate: '0.5' }, ['resetRate']],
    ['NaN-like rate', { name: 'a', hangRate: null }, ['hangRate']],
    ['status below 400', { name: 'a', errorStatus: 399 }, ['errorStatus']],
    ['status above 599', { name: 'a', errorStatus: 600 }, ['errorStatus']],
    ['unknown field', { name: 'a', chaos: 1 }, ['chaos']],
    ['method table as array', { name: 'a', methodLatencyMs: [1] }, ['methodLatencyMs']],
    [
      'bad method name',
      { name: 'a', methodLatencyMs: { 'GET /x': 1 } },
      ['methodLatencyMs.GET /x'],
    ],
    [
      'repeated method',
      { name: 'a', methodLatencyMs: { get: 1, GET: 2 } },
      ['methodLatencyMs.GET'],
    ],
    [
      'method latency too big',
      { name: 'a', methodLatencyMs: { GET: 70_000 } },
      ['methodLatencyMs.GET'],
    ],
    [
      '__proto__ as a method',
      JSON.parse('{"name":"a","methodLatencyMs":{"__proto__":1}}'),
      ['methodLatencyMs.__proto__'],
    ],
    ['many errors at once', { name: '', level: -1, errorRate: 2 }, ['name', 'level', 'errorRate']],
  ])('rejects %s', (_, input, fields) => {
    expect(fieldsOf(input).sort()).toEqual([...fields].sort());
  });

  it('never throws, whatever the input', () => {
    const inputs: unknown[] = [
      undefined,
      0,
      Symbol('x'),
      () => 1,
      new Date(0),
      Object.create(null),
    ];
    for (const input of inputs) expect(() => validateChaosProfile(input)).not.toThrow();
  });
});
