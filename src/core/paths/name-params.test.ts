import { describe, expect, it } from 'vitest';
import { nameParams, type TemplateEdge } from './name-params.js';

const lit = (value: string): TemplateEdge => ({ type: 'literal', value });
const det = (kind: 'id' | 'hash' | 'slug' | 'token', suffix = ''): TemplateEdge => ({
  type: 'param',
  kind,
  suffix,
});
const promoted = (pinnedName?: string): TemplateEdge => ({
  type: 'param',
  kind: 'promoted',
  suffix: '',
  pinnedName,
});

describe('nameParams', () => {
  it.each<[string, TemplateEdge[], string[]]>([
    ['single detector keeps its kind', [lit('users'), det('id')], ['id']],
    ['kinds differ', [lit('files'), det('hash'), lit('v'), det('id')], ['hash', 'id']],
    [
      'repeat → previous literal',
      [lit('orgs'), det('id'), lit('repos'), det('id')],
      ['org', 'repo'],
    ],
    ['repeat without literal → numbered', [det('id'), det('id')], ['id', 'id2']],
    ['mixed', [lit('a'), det('id'), det('id'), det('id')], ['a', 'id', 'id2']],
    ['promoted → singular literal', [lit('people'), promoted()], ['person']],
    ['promoted after a param → param', [lit('repos'), promoted(), promoted()], ['repo', 'param']],
    ['pinned wins', [lit('repos'), promoted('owner'), promoted('repo')], ['owner', 'repo']],
    ['pinned name taken by a detector', [lit('x'), promoted('id'), det('id')], ['id', 'id2']],
    [
      'identifier-safe names',
      [lit('.well-known'), det('id'), lit('2024-01'), det('id')],
      ['well_known', 'id'],
    ],
    ['same name twice after renaming', [lit('a'), det('id'), lit('a'), det('id')], ['a', 'a2']],
  ])('%s', (_label, edges, names) => {
    expect(nameParams(edges)).toEqual(names);
  });
});
