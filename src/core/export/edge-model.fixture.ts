import type { EndpointModel } from '../model/endpoint-model.js';
import { MAX_DEPTH, MAX_PROPERTIES } from '../schema/schema-node.js';
import { learnModel } from './users-model.fixture.js';
import type { FixtureExchange } from './users-model.fixture.js';

/** A value nested deeper than the learner's depth cap. */
function deepValue(depth: number): unknown {
  let value: unknown = { leaf: 1 };
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

function responses(path: string, bodies: readonly unknown[]): FixtureExchange[] {
  return bodies.map((responseBody) => ({ path, status: 200, responseBody }));
}

/**
 * Shapes at the edges of what the learner produces: non-object roots, a nullable root
 * object, object-or-string places, a collapsed map, never-filled arrays, empty objects,
 * integers beyond 2^53, cut-off depth and a body that was only ever null.
 */
export function createEdgeModels(): EndpointModel[] {
  const map = Object.fromEntries(
    Array.from({ length: MAX_PROPERTIES + 1 }, (_, i) => [`key${i}`, { v: i }]),
  );
  return [
    learnModel('GET', '/scalar', responses('/scalar', ['text', 'more'])),
    learnModel('GET', '/maybe/{id}', responses('/maybe/1', [{ a: 1 }, null, { a: 2, b: 'x' }])),
    learnModel(
      'GET',
      '/mixed',
      responses('/mixed', [{ owner: { id: 1 } }, { owner: 'name' }, { owner: null }]),
    ),
    learnModel('GET', '/maps', responses('/maps', [map])),
    learnModel(
      'GET',
      '/empties',
      responses('/empties', [
        { list: [], object: {} },
        { list: [], object: {} },
      ]),
    ),
    learnModel('GET', '/big', responses('/big', [{ n: 2 ** 60 }, { n: 1 }])),
    learnModel('GET', '/deep', responses('/deep', [deepValue(MAX_DEPTH + 3)])),
    learnModel('GET', '/nothing', responses('/nothing', [null, null])),
    learnModel('GET', '/numbers', responses('/numbers', [[1, 2.5], [3]])),
  ];
}
