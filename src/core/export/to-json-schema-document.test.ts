import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { planTypes } from './plan-types.js';
import { toJsonSchemaDocument } from './to-json-schema-document.js';
import { createUsersModels } from './users-model.fixture.js';

const ajv = new Ajv2020({ allowUnionTypes: true });
ajv.addKeyword('x-observed');
ajv.addKeyword('x-endpoints');

describe('toJsonSchemaDocument', () => {
  it('indexes each endpoint’s definitions and holds every definition', () => {
    const doc = toJsonSchemaDocument(planTypes(createUsersModels()));
    expect(doc['x-endpoints']['GET /users/{id}']).toEqual({
      responses: { '200': 'GetUserResponse', '404': 'GetUserResponse404' },
    });
    expect(doc['x-endpoints']['POST /users']).toEqual({
      request: 'CreateUserRequest',
      responses: { '201': 'CreateUserResponse' },
    });
    expect(Object.keys(doc.$defs)).toContain('ListUsersResponseItemAddress');
    expect(() => ajv.compile(doc)).not.toThrow();
  });

  it('gives a valid empty document for an empty model', () => {
    const doc = toJsonSchemaDocument(planTypes([]));
    expect(doc.$defs).toEqual({});
    expect(doc.$comment).toBe(
      'API types learned from live traffic by Adaptive Mock. Learned from 0 endpoints and 0 samples.',
    );
    expect(ajv.validateSchema(doc)).toBe(true);
  });
});
