import { EXAMPLES_PER_STATUS } from '../model/endpoint-model.js';
import type { EndpointModel, MomentStats, QuantileSketch } from '../model/endpoint-model.js';
import { createRng } from '../random.js';
import type { Rng } from '../random.js';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode } from '../schema/schema-node.js';

/*
 * Test fixtures for the exporters (not shipped logic): models learned from synthetic
 * exchanges with the real learner (observeValue), so exports see what traffic produces.
 */

/** One synthetic exchange. */
export interface FixtureExchange {
  path: string;
  query?: Record<string, string | number | boolean>;
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
  contentType?: string;
}

// 2024-01-01T00:00:00Z
const T0 = 1_704_067_200_000;

function emptyMoments(): MomentStats {
  return {
    count: 0,
    sum: 0,
    sumSquares: 0,
    min: 0,
    max: 0,
    decayedWeight: 0,
    decayedSum: 0,
    decayedSumSquares: 0,
    refTime: T0,
  };
}

function emptySketch(): QuantileSketch {
  return { buckets: {}, zeroCount: 0, count: 0, min: 0, max: 0 };
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Learns an endpoint model from exchanges, as the pipeline would (schemas, counts, last examples). */
export function learnModel(
  method: string,
  template: string,
  exchanges: readonly FixtureExchange[],
): EndpointModel {
  const model: EndpointModel = {
    method,
    template,
    requestContentTypes: {},
    responses: {},
    stats: {
      requestCount: 0,
      statusCounts: {},
      sourceCounts: {},
      latency: emptyMoments(),
      latencySketch: emptySketch(),
      responseSize: emptyMoments(),
      firstSeen: T0,
      lastSeen: T0,
      series: [],
    },
    examples: {},
    overrides: [],
    manual: false,
  };
  exchanges.forEach((exchange, index) => {
    const status = String(exchange.status);
    const contentType = exchange.contentType ?? 'application/json';
    model.stats.requestCount++;
    increment(model.stats.statusCounts, status);
    if (exchange.requestBody !== undefined) {
      observeValue((model.requestSchema ??= createSchemaNode()), exchange.requestBody);
      increment(model.requestContentTypes, 'application/json');
    }
    if (exchange.query) observeValue((model.querySchema ??= createSchemaNode()), exchange.query);
    const response = (model.responses[status] ??= {
      contentTypes: {},
      headers: {},
      bodySize: emptyMoments(),
    });
    if (exchange.responseBody !== undefined) {
      observeValue((response.schema ??= createSchemaNode()), exchange.responseBody);
      increment(response.contentTypes, contentType);
    }
    const examples = (model.examples[status] ??= []);
    const query = Object.entries(exchange.query ?? {})
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('&');
    examples.push({
      path: exchange.path,
      query,
      status: exchange.status,
      requestBody: exchange.requestBody,
      responseBody: exchange.responseBody,
      contentType,
      recordedAt: T0 + index * 1000,
    });
    if (examples.length > EXAMPLES_PER_STATUS) examples.shift();
  });
  return model;
}

const FIRST_NAMES = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken', 'Margaret', 'Dennis'];
const CITIES = [
  'Lyon',
  'Oslo',
  'Lima',
  'Pune',
  'Kyiv',
  'Nara',
  'Cork',
  'Graz',
  'Bern',
  'Gent',
  'Hilo',
  'Ulm',
];
const ROLES = ['admin', 'member', 'viewer'];
// Date-times in every spelling the learner accepts (space separator, lowercase t/z, offsets).
const TIME_SPELLINGS = ['T10:00:00Z', ' 23:59:59+02:00', 't08:30:00.123z'];

function createUser(rng: Rng, id: number): Record<string, unknown> {
  const user: Record<string, unknown> = {
    id,
    name: `${rng.pick(FIRST_NAMES)} ${String.fromCharCode(65 + rng.int(0, 25))}.`,
    email: `user${id}@example.com`,
    role: ROLES[id % ROLES.length],
    manager_id: id % 3 === 0 ? null : rng.int(1000, 9999),
    address: {
      city: rng.pick(CITIES),
      ...(id % 4 === 0 ? {} : { zip: String(rng.int(10000, 99999)) }),
    },
    tags: ROLES.slice(0, id % 3),
    created_at: `2024-02-${String(1 + (id % 29)).padStart(2, '0')}${TIME_SPELLINGS[id % 3] ?? ''}`,
    external_id: `${id.toString(16).padStart(8, '0').toUpperCase()}-0000-0000-0000-00000000ABCD`,
    last_login_ip: `10.0.${id % 256}.${rng.int(1, 254)}`,
    website: `https://example.com:8080/u/${id}?tab=home`,
    score: id % 2 === 0 ? id * 10 : id * 10 + 0.5,
  };
  if (id % 2 === 0) user.nickname = `nick${id}`;
  return user;
}

/**
 * The reference model: GET /users (25 list responses, query page/limit), GET /users/{id}
 * (5 users and 3 problem+json 404s), POST /users (request body, 201). Fields cover
 * optional (`nickname`, `address.zip`), nullable (`manager_id`), enums (`role`, `tags`),
 * formats, integer vs number and nested objects.
 */
export function createUsersModels(seed = 42): EndpointModel[] {
  const rng = createRng(seed);
  let nextId = 1;
  const list: FixtureExchange[] = [];
  for (let page = 1; page <= 25; page++) {
    const users = Array.from({ length: 1 + (page % 3) }, () => createUser(rng, nextId++));
    const query: Record<string, number> = page % 2 === 0 ? { page, limit: 3 } : { page };
    list.push({ path: '/users', query, status: 200, responseBody: users });
  }
  const item: FixtureExchange[] = [];
  for (let id = 1; id <= 5; id++) {
    item.push({ path: `/users/${id}`, status: 200, responseBody: createUser(rng, id) });
  }
  for (const id of [404, 999, 1234]) {
    const responseBody = {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `User ${id} not found`,
    };
    item.push({
      path: `/users/${id}`,
      status: 404,
      responseBody,
      contentType: 'application/problem+json',
    });
  }
  const create: FixtureExchange[] = [];
  for (let n = 0; n < 4; n++) {
    const user = createUser(rng, 100 + n);
    const requestBody = { name: user.name, email: user.email, role: user.role };
    create.push({ path: '/users', status: 201, requestBody, responseBody: user });
  }
  return [
    learnModel('GET', '/users/{id}', item),
    learnModel('POST', '/users', create),
    learnModel('GET', '/users', list),
  ];
}
