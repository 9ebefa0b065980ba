import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { MediaTypeObject, OperationObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import type { EndpointModel } from '../model/endpoint-model.js';
import { createEdgeModels } from './edge-model.fixture.js';
import { exportOpenApi } from './export-openapi.js';
import type { OpenApiDocument } from './export-openapi.js';
import { createInjectionModels } from './injection-model.fixture.js';
import { createUsersModels, learnModel } from './users-model.fixture.js';

const DOC_ID = 'https://adaptive-mock.test/openapi.json';

/** The validator's own document type (its last overload takes a base URL first). */
type ParserDocument = Exclude<Parameters<typeof SwaggerParser.validate>[1], string>;

interface MediaCase {
  where: string;
  media: MediaTypeObject;
}

function listOperations(doc: OpenApiDocument): [string, string, OperationObject][] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OperationObject>).map(
      ([method, op]): [string, string, OperationObject] => [path, method, op],
    ),
  );
}

function listMedia(doc: OpenApiDocument): MediaCase[] {
  return listOperations(doc).flatMap(([path, method, op]) => {
    const bodies = Object.entries(
      op.requestBody && 'content' in op.requestBody ? op.requestBody.content : {},
    );
    const responses = Object.entries(op.responses ?? {}).flatMap(([status, response]) =>
      Object.entries((response as { content?: Record<string, MediaTypeObject> }).content ?? {}).map(
        ([type, media]) => ({ where: `${method} ${path} ${status} ${type}`, media }),
      ),
    );
    return [
      ...bodies.map(([type, media]) => ({ where: `${method} ${path} request ${type}`, media })),
      ...responses,
    ];
  });
}

/** ajv over the document's components (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
function createValidator(doc: OpenApiDocument): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    allowUnionTypes: true,
    ownProperties: true,
    strict: true,
  });
  addFormats.default(ajv);
  ajv.addKeyword('components');
  ajv.addSchema({ $id: DOC_ID, components: doc.components }, DOC_ID);
  return ajv;
}

/** Distinct recorded bodies: per status for responses, per endpoint for requests. */
function countRecordedBodies(models: readonly EndpointModel[]): number {
  const distinct = (values: unknown[]) =>
    new Set(values.filter((value) => value !== undefined).map((value) => JSON.stringify(value)))
      .size;
  return models.reduce((sum, model) => {
    const perStatus = Object.values(model.examples).map((examples) =>
      distinct(examples.map((e) => e.responseBody)),
    );
    const requests = distinct(
      Object.values(model.examples)
        .flat()
        .map((e) => e.requestBody),
    );
    return sum + requests + perStatus.reduce((a, b) => a + b, 0);
  }, 0);
}

describe('exportOpenApi', () => {
  const users = createUsersModels();

  it.each<[string, EndpointModel[]]>([
    ['users', users],
    ['hostile keys and templates', createInjectionModels()],
    ['edge shapes', createEdgeModels()],
    ['empty model', []],
  ])(
    '%s: passes the OpenAPI validator, with consistent path parameters and operation ids',
    async (_label, models) => {
      const doc = exportOpenApi(models, {
        title: 'Users',
        version: '2.0.0',
        serverUrl: 'http://127.0.0.1:8080',
      });
      // The validator dereferences in place: give it a copy.
      const copy = JSON.parse(JSON.stringify(doc)) as ParserDocument;
      await expect(SwaggerParser.validate(copy)).resolves.toBeDefined();
      const operations = listOperations(doc);
      const ids = operations.map(([, , op]) => op.operationId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const [path, , op] of operations) {
        const declared = (op.parameters ?? []).flatMap((p) =>
          'in' in p && p.in === 'path' ? [p.name] : [],
        );
        expect(declared).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      }
      const ajv = createValidator(doc);
      for (const name of Object.keys(doc.components?.schemas ?? {})) {
        expect(() => ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`)).not.toThrow();
      }
    },
  );

  it.each<[string, EndpointModel[]]>([
    ['users', users],
    ['hostile keys and templates', createInjectionModels()],
    ['edge shapes', createEdgeModels()],
  ])('%s: every recorded example validates against its schema', (_label, models) => {
    const doc = exportOpenApi(models);
    const ajv = createValidator(doc);
    let checked = 0;
    for (const { where, media } of listMedia(doc)) {
      const ref = media.schema && '$ref' in media.schema ? media.schema.$ref : undefined;
      if (ref === undefined) continue;
      const validate = ajv.compile({ $ref: `${DOC_ID}${ref}` });
      for (const example of Object.values(media.examples ?? {})) {
        const valid = validate('value' in example ? example.value : undefined);
        expect({ where, valid, errors: validate.errors }).toMatchObject({ valid: true });
        checked++;
      }
    }
    expect(checked).toBe(countRecordedBodies(models));
  });

  it('rejects a tampered example (the check above can fail)', () => {
    const doc = exportOpenApi(users);
    const validate = createValidator(doc).compile({
      $ref: `${DOC_ID}#/components/schemas/ListUsersResponse`,
    });
    expect(validate([{ id: 'not-a-number' }])).toBe(false);
  });

  it('describes the users endpoints: parameters, bodies, statuses, media types, shared shapes', () => {
    const doc = exportOpenApi(users);
    const list = doc.paths?.['/users']?.get;
    expect(list?.operationId).toBe('listUsers');
    expect(list?.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
      { name: 'page', in: 'query', required: true, schema: { type: 'integer' } },
    ]);
    const get = doc.paths?.['/users/{id}']?.get;
    expect(get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
    ]);
    expect(Object.keys(get?.responses ?? {})).toEqual(['200', '404']);
    expect(get?.responses?.['404']).toMatchObject({
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/GetUserResponse404' } },
      },
    });
    const create = doc.paths?.['/users']?.post;
    expect(create?.requestBody).toMatchObject({
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/CreateUserRequest' } },
      },
    });
    expect(Object.keys(create?.responses ?? {})).toEqual(['201']);
    const schemas = Object.keys(doc.components?.schemas ?? {});
    expect(schemas).toContain('ListUsersResponseItemAddress');
    expect(schemas).not.toContain('GetUserResponseAddress');
  });

  it('is deterministic and reads no clock unless given a timestamp', () => {
    expect(JSON.stringify(exportOpenApi(users))).toBe(
      JSON.stringify(exportOpenApi([...users].reverse())),
    );
    expect(
      exportOpenApi(users, { generatedAt: '2024-05-01T00:00:00Z' }).info.description,
    ).toContain('Generated at 2024-05-01T00:00:00Z.');
  });

  it('leaves out methods OpenAPI 3.1 cannot express, and gives a default response when none was learned', () => {
    const doc = exportOpenApi([
      learnModel('PURGE', '/cache', [{ path: '/cache', status: 200 }]),
      learnModel('OPTIONS', '/cache', []),
    ]);
    expect(Object.keys(doc.paths?.['/cache'] ?? {})).toEqual(['options']);
    expect(doc.paths?.['/cache']?.options?.responses).toEqual({
      default: { description: 'No response learned yet.' },
    });
  });
});
