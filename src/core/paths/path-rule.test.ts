import { describe, expect, it } from 'vitest';
import { MAX_PATH_RULES, validatePathRules, type PathRule } from './path-rule.js';

describe('validatePathRules', () => {
  it('accepts compatible literal and param rules', () => {
    const result = validatePathRules([
      { pattern: '/users/me', kind: 'literal' },
      { pattern: '/users/{user}', kind: 'param' },
      { pattern: '/users/{user}/repos/{repo}', kind: 'param' },
      { pattern: '/users/{user}/settings', kind: 'literal' },
    ]);
    expect(result.ok).toBe(true);
  });

  it.each<[string, PathRule, string]>([
    ['root', { pattern: '/', kind: 'literal' }, 'pattern must be a path template'],
    ['bad braces', { pattern: '/users/{', kind: 'literal' }, 'pattern must be a path template'],
    [
      'literal ending in a param',
      { pattern: '/users/{id}', kind: 'literal' },
      'must end with a literal',
    ],
    [
      'param ending in a literal',
      { pattern: '/users/me', kind: 'param' },
      'must end with a {parameter}',
    ],
    ['suffix', { pattern: '/files/{id}.json', kind: 'param' }, 'cannot have a suffix'],
    ['repeated name', { pattern: '/a/{x}/b/{x}', kind: 'param' }, 'used twice'],
    ['unknown kind', { pattern: '/a', kind: 'other' } as unknown as PathRule, 'kind must be'],
    [
      'pattern not a string',
      { pattern: 7, kind: 'literal' } as unknown as PathRule,
      'pattern must',
    ],
  ])('refuses %s', (_label, rule, message) => {
    const result = validatePathRules([rule]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toContain(message);
  });

  it('refuses one position named two ways across rules', () => {
    const result = validatePathRules([
      { pattern: '/repos/{owner}/{repo}', kind: 'param' },
      { pattern: '/repos/{owner}/{name}/issues', kind: 'literal' },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [{ index: 1, message: '{name} conflicts with {repo} at /repos/{}' }],
    });
  });

  it('caps the number of rules', () => {
    const rules = Array.from({ length: MAX_PATH_RULES + 1 }, (_, i): PathRule => ({
      pattern: `/r${i}`,
      kind: 'literal',
    }));
    const result = validatePathRules(rules);
    expect(!result.ok && result.errors).toEqual([
      { index: -1, message: `at most ${MAX_PATH_RULES} rules` },
    ]);
  });
});
