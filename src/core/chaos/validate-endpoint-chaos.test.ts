import { describe, expect, it } from 'vitest';
import { validateEndpointChaos } from './validate-endpoint-chaos.js';

describe('validateEndpointChaos', () => {
  it.each([
    ['empty → enabled', {}, { enabled: true }],
    ['disabled', { enabled: false, latencyMs: 10 }, { enabled: false, latencyMs: 10 }],
    [
      'every field',
      {
        enabled: true,
        level: 0,
        latencyMs: 0,
        errorRate: 0.5,
        errorStatus: 503,
        resetRate: 1,
        hangRate: 0,
        corruptRate: 0,
      },
      {
        enabled: true,
        level: 0,
        latencyMs: 0,
        errorRate: 0.5,
        errorStatus: 503,
        resetRate: 1,
        hangRate: 0,
        corruptRate: 0,
      },
    ],
  ])('accepts %s', (_, input, value) => {
    expect(validateEndpointChaos(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['not an object', 3, ['']],
    ['enabled as a string', { enabled: 'yes' }, ['enabled']],
    ['profile-only field', { name: 'x' }, ['name']],
    [
      'bad numbers',
      { level: 200, errorStatus: 200, corruptRate: -1 },
      ['level', 'errorStatus', 'corruptRate'],
    ],
  ])('rejects %s', (_, input, fields) => {
    const result = validateEndpointChaos(input);
    expect(result.ok ? [] : result.errors.map((e) => e.field).sort()).toEqual([...fields].sort());
  });
});
