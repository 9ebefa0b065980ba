import { describe, expect, it } from 'vitest';
import {
  escapeTemplateLiteral,
  isParamName,
  parseTemplate,
  templateParamNames,
} from './parse-template.js';

describe('parseTemplate', () => {
  it.each([
    ['/', []],
    [
      '/users/me',
      [
        { type: 'literal', value: 'users' },
        { type: 'literal', value: 'me' },
      ],
    ],
    [
      '/products/{id}.json',
      [
        { type: 'literal', value: 'products' },
        { type: 'param', name: 'id', suffix: '.json' },
      ],
    ],
    [
      '/a/%7Bx%7D',
      [
        { type: 'literal', value: 'a' },
        { type: 'literal', value: '%7Bx%7D' },
      ],
    ],
  ])('%s', (template, segments) => {
    expect(parseTemplate(template)).toEqual(segments);
  });

  it.each(['/{}', '/{1id}', '/{a-b}', '/x{id}', '/{id}{x}', '/{id', '/id}', '/a?b', '/{a b}'])(
    'refuses %s',
    (template) => {
      expect(parseTemplate(template)).toBeUndefined();
    },
  );
});

describe('templateParamNames', () => {
  it.each([
    ['/orgs/{org}/repos/{repo}', ['org', 'repo']],
    ['/files/{hash}.png', ['hash']],
    ['/users', []],
    ['/{broken', []],
  ])('%s → %j', (template, names) => {
    expect(templateParamNames(template)).toEqual(names);
  });
});

describe('escapeTemplateLiteral', () => {
  it.each([
    ['users', 'users'],
    ['{id}', '%7Bid%7D'],
    ['a}b', 'a%7Db'],
  ])('%s → %s', (segment, escaped) => {
    expect(escapeTemplateLiteral(segment)).toBe(escaped);
  });
});

describe('isParamName', () => {
  it.each([
    ['id', true],
    ['_x9', true],
    ['Owner', true],
    ['9a', false],
    ['a-b', false],
    ['', false],
    ['a'.repeat(65), false],
  ])('%s → %s', (name, valid) => {
    expect(isParamName(name)).toBe(valid);
  });
});
