import { describe, expect, it } from 'vitest';
import { inferPathParameters } from './infer-path-parameters.js';
import { learnModel } from './users-model.fixture.js';

function typesFor(template: string, paths: string[]) {
  const model = learnModel(
    'GET',
    template,
    paths.map((path) => ({ path, status: 200 })),
  );
  return inferPathParameters(model);
}

describe('inferPathParameters', () => {
  it.each<[string, string, string[], unknown]>([
    ['integers', '/users/{id}', ['/users/1', '/users/42'], { type: 'integer' }],
    [
      'leading zeros are identifiers',
      '/codes/{code}',
      ['/codes/007', '/codes/12'],
      { type: ['string', 'integer'] },
    ],
    [
      'uuids',
      '/items/{id}',
      ['/items/6f1a2b3c-0000-4000-8000-00000000abcd'],
      { type: 'string', format: 'uuid' },
    ],
    ['no examples', '/users/{id}', [], { type: 'string' }],
    ['redacted tokens are ignored', '/reset/{token}', ['/reset/{token}'], { type: 'string' }],
    ['suffix parameters', '/files/{id}.json', ['/files/3.json'], { type: 'integer' }],
  ])('%s', (_label, template, paths, schema) => {
    expect(typesFor(template, paths)).toEqual([{ name: template.match(/\{(\w+)\}/)?.[1], schema }]);
  });

  it('types each parameter on its own', () => {
    expect(
      typesFor('/orgs/{org}/repos/{id}', ['/orgs/acme/repos/7']).map((p) => p.schema.type),
    ).toEqual(['string', 'integer']);
  });
});
