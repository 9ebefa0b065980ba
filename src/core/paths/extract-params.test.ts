import { describe, expect, it } from 'vitest';
import { extractParams } from './extract-params.js';

describe('extractParams', () => {
  it.each([
    ['/users/{id}', '/users/42', { id: '42' }],
    ['/users/{id}', '/users/42/', { id: '42' }],
    ['/orgs/{org}/repos/{repo}', '/orgs/acme/repos/site?x=1', { org: 'acme', repo: 'site' }],
    ['/products/{id}.json', '/products/632910392.json', { id: '632910392' }],
    ['/a/%7Bx%7D/{id}', '/a/{x}/7', { id: '7' }],
    ['/', '/', {}],
    ['/users/{id}', '/users', undefined],
    ['/users/{id}', '/people/42', undefined],
    ['/users/{id}', '/Users/42', undefined],
    ['/products/{id}.json', '/products/42.xml', undefined],
    ['/products/{id}.json', '/products/.json', undefined],
    ['/{broken', '/x', undefined],
  ])('%s ⟵ %s', (template, path, params) => {
    expect(extractParams(template, path)).toEqual(params);
  });

  it('keeps names like __proto__ as plain keys', () => {
    const params = extractParams('/{__proto__}/{constructor}', '/a/b');
    expect(params && Object.keys(params)).toEqual(['__proto__', 'constructor']);
    expect(params?.['__proto__']).toBe('a');
  });
});
