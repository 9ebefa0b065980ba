import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../../src/core/schema/to-json-schema.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { API_TEMPLATES, driveApiTraffic } from './fixtures/drive-api-traffic.js';
import {
  compileSchema,
  fetchLearnedEndpoints,
  learnedContentType,
  schemaErrors,
  type EndpointView,
} from './fixtures/fetch-learned-endpoints.js';
import { startApiBackend, type ApiBackend } from './fixtures/start-api-backend.js';

/** What one learned field must look like; `undefined` members are not checked. */
interface FieldRule {
  required?: boolean;
  nullable?: boolean;
  format?: string;
  type?: string | string[];
  enum?: unknown[];
}

/** `a.b[].c` → the schema at that place, plus its parent object's schema and key. */
function walk(
  root: JsonSchema,
  path: string,
): { node: JsonSchema; parent: JsonSchema; key: string } {
  let node = root;
  let parent = root;
  let key = '';
  for (const part of path.split('.')) {
    const isArray = part.endsWith('[]');
    key = isArray ? part.slice(0, -2) : part;
    if (key !== '') {
      parent = node;
      const child = node.properties?.[key];
      if (!child) throw new Error(`no property "${key}" in ${JSON.stringify(node).slice(0, 200)}`);
      node = child;
    }
    if (isArray) {
      if (!node.items) throw new Error(`no items under "${part}"`);
      node = node.items;
    }
  }
  return { node, parent, key };
}

const typesOf = (schema: JsonSchema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

/** [endpoint, where (`response 200` or `request`), field path, rule]. */
const FIELD_RULES: [string, string, string, FieldRule][] = [
  ['GET /users/{id}', 'response 200', 'id', { required: true, nullable: false, type: 'integer' }],
  ['GET /users/{id}', 'response 200', 'email', { required: true, format: 'email' }],
  ['GET /users/{id}', 'response 200', 'created_at', { required: true, format: 'date-time' }],
  [
    'GET /users/{id}',
    'response 200',
    'deleted_at',
    { required: true, nullable: true, format: 'date-time', type: ['string', 'null'] },
  ],
  ['GET /users/{id}', 'response 200', 'nickname', { required: false, nullable: false }],
  ['GET /users/{id}', 'response 200', 'address', { required: true, type: 'object' }],
  ['GET /users/{id}', 'response 200', 'address.city', { required: true, type: 'string' }],
  ['GET /users/{id}', 'response 200', 'address.zip', { required: true, type: 'string' }],
  ['GET /users', 'response 200', 'items', { required: true, type: 'array' }],
  ['GET /users', 'response 200', 'items[]', { type: 'object' }],
  ['GET /users', 'response 200', 'items[].id', { required: true, type: 'integer' }],
  ['GET /users', 'response 200', 'items[].email', { required: true, format: 'email' }],
  ['GET /users', 'response 200', 'next', { required: true, nullable: true, format: 'uri' }],
  ['POST /users', 'response 201', 'id', { required: true, type: 'integer' }],
  ['POST /users', 'response 201', 'email', { required: true, format: 'email' }],
  ['POST /users', 'request', 'name', { required: true, type: 'string' }],
  ['POST /users', 'request', 'email', { required: true, format: 'email' }],
  ['POST /users', 'request', 'role', { required: false }],
  ['GET /users/{id}/orders', 'response 200', '[]', { type: 'object' }],
  ['GET /users/{id}/orders', 'response 200', '[].id', { required: true, format: 'uuid' }],
  ['GET /users/{id}/orders', 'response 200', '[].total', { required: true, type: 'number' }],
  ['GET /orders/{id}', 'response 200', 'id', { required: true, format: 'uuid' }],
  [
    'GET /orders/{id}',
    'response 200',
    'status',
    { required: true, enum: ['paid', 'pending', 'shipped'] },
  ],
  ['GET /orders/{id}', 'response 200', 'amount', { required: true, type: 'number' }],
  ['GET /orders/{id}', 'response 200', 'lines[].quantity', { required: true, type: 'integer' }],
  [
    'GET /orders/{id}',
    'response 200',
    'shipped_at',
    { required: true, nullable: true, format: 'date-time' },
  ],
  ['GET /orders/{id}', 'response 200', 'note', { required: false, nullable: false }],
  ['GET /posts/{slug}', 'response 200', 'tags[]', { type: 'string' }],
  ['GET /posts/{slug}', 'response 200', 'author.id', { required: true, type: 'integer' }],
  ['GET /posts/{slug}', 'response 200', 'published_on', { required: true, format: 'date' }],
  ['GET /products/{id}', 'response 200', 'website', { required: true, format: 'uri' }],
  ['GET /products/{id}', 'response 200', 'in_stock', { required: true, type: 'boolean' }],
  ['GET /products/{id}', 'response 404', 'error', { required: true, type: 'string' }],
  ['GET /products/{id}', 'response 404', 'message', { required: true, type: 'string' }],
  ['GET /products/{id}', 'response 404', 'request_id', { required: true, format: 'uuid' }],
  ['GET /search', 'response 200', 'results[].score', { required: true, type: 'number' }],
  ['GET /search', 'query', 'q', { required: true, type: 'string' }],
  ['GET /search', 'query', 'page', { required: true, type: 'integer' }],
  ['GET /health', 'response 200', 'host', { required: true, format: 'hostname' }],
  ['GET /health', 'response 200', 'ip', { required: true, format: 'ipv4' }],
  [
    'GET /settings/profile',
    'response 200',
    'notifications.sms',
    { required: true, type: 'boolean' },
  ],
];

function schemaAt(view: EndpointView, where: string): JsonSchema | null | undefined {
  if (where === 'request') return view.request.schema;
  if (where === 'query') return view.query.schema;
  return view.responses[where.split(' ')[1]!]?.schema;
}

describe('learning acceptance: a ten-endpoint backend learned from proxied traffic', () => {
  let backend: ApiBackend;
  let app: TestApp;
  let learned: Map<string, EndpointView>;
  let sent = 0;

  beforeAll(async () => {
    backend = await startApiBackend();
    app = await startTestApp({ target: backend.url, store: 'memory' });
    sent = await driveApiTraffic(app, 30);
    learned = await fetchLearnedEndpoints(app);
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    await backend.stop();
  });

  it('GET /admin/endpoints lists exactly the ten templates after a few hundred requests', () => {
    expect(sent).toBe(300);
    expect([...learned.keys()].sort()).toEqual([...API_TEMPLATES]);
  });

  it('counts every exchange in the statistics', () => {
    for (const [key, view] of learned) {
      expect({ key, count: view.stats.requestCount }).toEqual({
        key,
        count: backend.hits.get(key),
      });
    }
  });

  it.each(FIELD_RULES)('%s %s: %s is learned as expected', (endpoint, where, path, rule) => {
    const root = schemaAt(learned.get(endpoint)!, where);
    expect(root).toBeTruthy();
    const { node, parent, key } = walk(root!, path);
    if (rule.required !== undefined)
      expect((parent.required ?? []).includes(key)).toBe(rule.required);
    if (rule.nullable !== undefined) expect(typesOf(node).includes('null')).toBe(rule.nullable);
    if (rule.format !== undefined) expect(node.format).toBe(rule.format);
    if (rule.type !== undefined) expect(node.type).toEqual(rule.type);
    if (rule.enum !== undefined) expect(node.enum).toEqual(rule.enum);
  });

  it('keeps the learned content type per status (vendor JSON types included)', () => {
    expect(learnedContentType(learned.get('GET /settings/profile')!, '200')).toBe(
      'application/vnd.api+json',
    );
    expect(learnedContentType(learned.get('GET /users/{id}')!, '200')).toBe('application/json');
    expect(Object.keys(learned.get('GET /products/{id}')!.responses).sort()).toEqual([
      '200',
      '404',
    ]);
  });

  it('every recorded response and request body validates against its exported JSON Schema (ajv 2020-12)', () => {
    const failures: string[] = [];
    for (const record of backend.sent) {
      const view = learned.get(record.endpoint)!;
      const response = compileSchema(view.responses[String(record.status)]!.schema ?? {});
      const responseErrors = schemaErrors(response, record.body);
      if (responseErrors) failures.push(`${record.endpoint} ${record.status}: ${responseErrors}`);
      if (record.requestBody !== undefined) {
        const request = compileSchema(view.request.schema ?? {});
        const requestErrors = schemaErrors(request, record.requestBody);
        if (requestErrors) failures.push(`${record.endpoint} request: ${requestErrors}`);
      }
    }
    expect(backend.sent).toHaveLength(300);
    expect(failures).toEqual([]);
  });

  it('keeps a bounded set of recorded examples per status, each valid against its schema', () => {
    for (const view of learned.values()) {
      for (const [status, examples] of Object.entries(view.examples)) {
        expect(examples.length).toBeGreaterThan(0);
        expect(examples.length).toBeLessThanOrEqual(5);
        const validate = compileSchema(view.responses[status]!.schema ?? {});
        for (const example of examples) {
          expect(String(example.status)).toBe(status);
          expect(schemaErrors(validate, example.responseBody)).toBe('');
        }
      }
    }
  });
});
