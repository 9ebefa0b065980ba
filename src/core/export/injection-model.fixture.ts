import type { EndpointModel } from '../model/endpoint-model.js';
import { learnModel } from './users-model.fixture.js';
import type { FixtureExchange } from './users-model.fixture.js';

/**
 * Learned keys that break naive printers: quotes and statements, prototype keys, keywords,
 * leading digits, dashes, non-ASCII, markup, comment closers, JSON Schema keywords, names
 * pydantic reserves, and a key that only differs from another by `-` vs `_`.
 */
export const HOSTILE_KEYS: readonly string[] = [
  'a"; process.exit(1); //',
  '__proto__',
  'constructor',
  '123abc',
  'with-dash',
  '名前',
  '</script>',
  '*/ x /*',
  "it's",
  '$ref',
  'class',
  'model_config',
  'json',
  'datetime',
  '_private',
  'a-b',
  'a_b',
  '',
  'line\u2028break\nhere',
];

/** Enum members a printer must quote: quotes, comment closers, a line separator. */
const HOSTILE_VALUES = ['"; DROP TABLE users; --', '*/ alert(1) /*', 'tab\there\u2028'];

function hostileBody(index: number): unknown {
  // JSON.parse gives `__proto__` as an own key; an object literal would set the prototype.
  const nested = JSON.parse('{"__proto__": {"constructor": 1}, "x-y": true}') as unknown;
  const body = JSON.parse('{}') as Record<string, unknown>;
  for (const key of HOSTILE_KEYS)
    Object.defineProperty(body, key, {
      value: index,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  body['</script>'] = nested;
  body.kind = HOSTILE_VALUES[index % HOSTILE_VALUES.length];
  body.datetime = '2024-01-01T00:00:00Z';
  body.list = [nested];
  return body;
}

/** GET on a template with a comment closer, POST on a non-ASCII path: 21 hostile samples each. */
export function createInjectionModels(): EndpointModel[] {
  const get: FixtureExchange[] = [];
  const post: FixtureExchange[] = [];
  for (let i = 0; i < 21; i++) {
    get.push({ path: `/weird*/${i}`, status: 200, responseBody: hostileBody(i) });
    post.push({
      path: '/名前',
      status: 200,
      requestBody: hostileBody(i),
      responseBody: [hostileBody(i)],
    });
  }
  return [learnModel('GET', '/weird*/{id}', get), learnModel('POST', '/名前', post)];
}
