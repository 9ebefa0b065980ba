import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PROPERTIES } from '../schema/schema-node.js';
import { planTypes } from './plan-types.js';
import type { TypePlan } from './plan-types.js';
import { createUsersModels, learnModel } from './users-model.fixture.js';

function names(plan: TypePlan): string[] {
  return plan.definitions.map((definition) => definition.name);
}

function schemaOf(plan: TypePlan, name: string) {
  const found = plan.definitions.find((definition) => definition.name === name);
  if (!found) throw new Error(`no definition ${name} in ${names(plan).join(', ')}`);
  return found.schema;
}

function roots(plan: TypePlan): string[] {
  return plan.endpoints.map(
    ({ model, baseName, request, query, responses }) =>
      `${model.method} ${model.template} ${baseName} ${[request, query, ...responses.map((r) => `${r.status}:${r.name}`)].filter(Boolean).join(' ')}`,
  );
}

const ok = (responseBody: unknown, path = '/x') => ({ path, status: 200, responseBody });

describe('planTypes on the users model', () => {
  const plan = planTypes(createUsersModels());

  it('names root types per endpoint and status, sorted by template then method', () => {
    expect(roots(plan)).toEqual([
      'GET /users ListUsers ListUsersQuery 200:ListUsersResponse',
      'POST /users CreateUser CreateUserRequest 201:CreateUserResponse',
      'GET /users/{id} GetUser 200:GetUserResponse 404:GetUserResponse404',
    ]);
  });

  it('names nested objects and array items, each after the types it uses', () => {
    expect(names(plan)).toEqual([
      'ListUsersQuery',
      'ListUsersResponseItemAddress',
      'ListUsersResponseItem',
      'ListUsersResponse',
      'CreateUserRequest',
      'CreateUserResponseAddress',
      'CreateUserResponse',
      'GetUserResponseAddress',
      'GetUserResponse',
      'GetUserResponse404',
    ]);
    expect(schemaOf(plan, 'ListUsersResponse')).toMatchObject({
      type: 'array',
      items: { $ref: '#/$defs/ListUsersResponseItem' },
    });
  });

  it('carries the evidence: optional, nullable, enum, format, integer vs number', () => {
    const item = schemaOf(plan, 'ListUsersResponseItem');
    expect(item.required).not.toContain('nickname');
    expect(item.required).toContain('manager_id');
    expect(item.properties?.manager_id?.type).toEqual(['integer', 'null']);
    expect(item.properties?.role?.enum).toEqual(['admin', 'member', 'viewer']);
    expect(item.properties?.email?.format).toBe('email');
    expect(item.properties?.id?.type).toBe('integer');
    expect(item.properties?.score?.type).toBe('number');
    expect(item.properties?.address).toEqual({ $ref: '#/$defs/ListUsersResponseItemAddress' });
    expect(schemaOf(plan, 'GetUserResponse').description).toBe('Response 200 of GET /users/{id}');
  });

  it('does not depend on the order models come in', () => {
    const reversed = planTypes(createUsersModels().reverse());
    expect(roots(reversed)).toEqual(roots(plan));
    expect(JSON.stringify(reversed.definitions)).toBe(JSON.stringify(plan.definitions));
  });
});

describe('planTypes naming rules', () => {
  it.each<[string, Parameters<typeof learnModel>[], string[]]>([
    [
      'PUT and PATCH on one path: numeric suffix in endpoint order',
      [
        ['PUT', '/users/{id}', [{ path: '/users/1', status: 200, requestBody: { a: 1 } }]],
        ['PATCH', '/users/{id}', [{ path: '/users/1', status: 200, requestBody: { a: 1 } }]],
      ],
      ['UpdateUserRequest', 'UpdateUser2Request'],
    ],
    [
      'versions that differ only in a skipped prefix',
      [
        ['GET', '/api/v2/users', [ok({ a: 1 })]],
        ['GET', '/api/v1/users', [ok({ a: 1 })]],
      ],
      ['ListUsersResponse', 'ListUsers2Response'],
    ],
    [
      'a nested name never takes a root name',
      [
        [
          'GET',
          '/users',
          [ok({ '404': { a: 1 } }), { path: '/users', status: 404, responseBody: { b: 1 } }],
        ],
      ],
      ['ListUsersResponse4042', 'ListUsersResponse', 'ListUsersResponse404'],
    ],
    [
      'second 2xx and non-2xx statuses get a suffix',
      [
        [
          'POST',
          '/orders',
          [
            { path: '/orders', status: 202, responseBody: { queued: true } },
            { path: '/orders', status: 201, responseBody: { id: 1 } },
            { path: '/orders', status: 400, responseBody: { error: 'bad' } },
          ],
        ],
      ],
      ['CreateOrderResponse', 'CreateOrderResponse202', 'CreateOrderResponse400'],
    ],
    [
      'nullable nested object and nullable root object',
      [['GET', '/things/{id}', [ok({ owner: { id: 1 } }), ok({ owner: null }), ok(null)]]],
      ['GetThingResponseObjectOwner', 'GetThingResponseObject', 'GetThingResponse'],
    ],
    [
      'array items and map values',
      [
        [
          'GET',
          '/maps',
          [
            ok([
              Object.fromEntries(
                Array.from({ length: MAX_PROPERTIES + 1 }, (_, i) => [`k${i}`, { v: i }]),
              ),
            ]),
          ],
        ],
      ],
      ['ListMapsResponseItemValue', 'ListMapsResponse'],
    ],
    [
      'long names keep their start and end',
      [
        [
          'GET',
          '/deep',
          [
            ok({
              aaaaaaaaaaaaaaaaaaaa: { bbbbbbbbbbbbbbbbbbbb: { cccccccccccccccccccc: { d: 1 } } },
            }),
          ],
        ],
      ],
      [
        'GetDeepResponseAaaaaaaaaaaaaaaaaaaaBbbbbbbbbCccccccccccccccccccc',
        'GetDeepResponseAaaaaaaaaaaaaaaaaaaaBbbbbbbbbbbbbbbbbbbb',
        'GetDeepResponseAaaaaaaaaaaaaaaaaaaa',
        'GetDeepResponse',
      ],
    ],
    ['scalars need no nested types', [['GET', '/tags', [ok(['a', 'b'])]]], ['ListTagsResponse']],
    [
      'an endpoint without JSON bodies has no types',
      [['DELETE', '/users/{id}', [{ path: '/users/1', status: 204 }]]],
      [],
    ],
  ])('%s', (_label, specs, expected) => {
    const plan = planTypes(specs.map((spec) => learnModel(...spec)));
    expect(names(plan)).toEqual(expected);
  });

  it('wraps nullable and mixed places in anyOf around the named object', () => {
    const plan = planTypes([
      learnModel('GET', '/things/{id}', [
        ok({ owner: { id: 1 } }),
        ok({ owner: null }),
        ok({ owner: 'x' }),
      ]),
    ]);
    expect(schemaOf(plan, 'GetThingResponse').properties?.owner).toMatchObject({
      anyOf: [{ $ref: '#/$defs/GetThingResponseOwner' }, { type: ['string', 'null'] }],
    });
  });

  it('an empty model gives an empty plan', () => {
    expect(planTypes([])).toEqual({ endpoints: [], definitions: [], sampleCount: 0 });
  });

  it('names are unique identifiers for any templates and keys', () => {
    const segment = fc.oneof(
      fc.constantFrom('users', 'user', '{id}', 'api', 'v1', 'a-b', '名前'),
      fc.string({ maxLength: 4 }),
    );
    const endpoint = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
      template: fc.array(segment, { maxLength: 3 }).map((parts) => `/${parts.join('/')}`),
      body: fc.dictionary(
        fc.string({ maxLength: 5 }),
        fc.oneof(fc.constant({ x: 1 }), fc.constant([{ y: 2 }]), fc.constant(null)),
        { maxKeys: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(endpoint, { maxLength: 6 }), (endpoints) => {
        const plan = planTypes(
          endpoints.map(({ method, template, body }) =>
            learnModel(method, template, [ok(body), ok(body)]),
          ),
        );
        const all = names(plan);
        expect(new Set(all).size).toBe(all.length);
        for (const name of all) {
          expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
          expect(name.length).toBeLessThanOrEqual(66);
        }
      }),
      { seed: 20240501, numRuns: 150 },
    );
  });
});
