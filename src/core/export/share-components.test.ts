import { describe, expect, it } from 'vitest';
import type { TypeDefinition } from './plan-types.js';
import { shareComponents } from './share-components.js';

const address = (name: string, samples: number): TypeDefinition => ({
  name,
  schema: {
    title: name,
    type: 'object',
    properties: { city: { type: 'string', 'x-observed': { samples } } },
    required: ['city'],
    'x-observed': { samples },
  },
});

const user = (name: string, addressName: string, summary?: string): TypeDefinition => ({
  name,
  schema: {
    title: name,
    type: 'object',
    properties: { address: { $ref: `#/$defs/${addressName}` } },
  },
  ...(summary === undefined ? {} : { summary }),
});

describe('shareComponents', () => {
  it('shares identical nested shapes, whatever their evidence, and cascades to parents', () => {
    const shared = shareComponents([
      address('AAddress', 3),
      user('AUser', 'AAddress'),
      address('BAddress', 9),
      user('BUser', 'BAddress'),
    ]);
    expect(Object.keys(shared.schemas)).toEqual(['AAddress', 'AUser']);
    expect(shared.refFor('BUser')).toBe('#/components/schemas/AUser');
    expect(shared.schemas.AUser?.properties?.address).toEqual({
      $ref: '#/components/schemas/AAddress',
    });
  });

  it('keeps endpoint-level types under their own names', () => {
    const shared = shareComponents([
      address('AAddress', 1),
      user('GetAResponse', 'AAddress', 'Response 200 of GET /a'),
      address('BAddress', 1),
      user('GetBResponse', 'BAddress', 'Response 200 of GET /b'),
    ]);
    expect(Object.keys(shared.schemas)).toEqual(['AAddress', 'GetAResponse', 'GetBResponse']);
    expect(shared.schemas.GetBResponse?.properties?.address).toEqual({
      $ref: '#/components/schemas/AAddress',
    });
    expect(shared.schemas.GetBResponse?.title).toBe('GetBResponse');
  });

  it('keeps different shapes apart and drops evidence annotations', () => {
    const other: TypeDefinition = {
      name: 'Other',
      schema: { title: 'Other', type: 'object', properties: { zip: { type: 'string' } } },
    };
    const shared = shareComponents([address('AAddress', 1), other]);
    expect(Object.keys(shared.schemas)).toEqual(['AAddress', 'Other']);
    expect(JSON.stringify(shared.schemas)).not.toContain('x-observed');
  });

  it('rewrites refs inside any schema', () => {
    const shared = shareComponents([address('AAddress', 1), address('BAddress', 2)]);
    expect(
      shared.schemaFor({
        type: 'array',
        items: { anyOf: [{ $ref: '#/$defs/BAddress' }, { type: 'null' }] },
      }),
    ).toEqual({
      type: 'array',
      items: { anyOf: [{ $ref: '#/components/schemas/AAddress' }, { type: 'null' }] },
    });
  });
});
