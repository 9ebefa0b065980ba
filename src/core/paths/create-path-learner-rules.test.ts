import { describe, expect, it } from 'vitest';
import { createPathLearner } from './create-path-learner.js';

const GITHUB_PATHS = [
  '/repos/octocat/hello-world/issues/42',
  '/repos/torvalds/linux/issues/7',
  '/repos/torvalds/linux',
  '/users/octocat',
];

describe('pinned rules', () => {
  it('a param rule re-templates learned data and names the positions', () => {
    const learner = createPathLearner();
    for (const path of GITHUB_PATHS) learner.observe('GET', path);
    const result = learner.setRules([{ pattern: '/repos/{owner}/{repo}', kind: 'param' }]);
    expect(result).toEqual({
      ok: true,
      templates: {
        '/repos/octocat/hello-world/issues/{id}': '/repos/{owner}/{repo}/issues/{id}',
        '/repos/torvalds/linux/issues/{id}': '/repos/{owner}/{repo}/issues/{id}',
        '/repos/torvalds/linux': '/repos/{owner}/{repo}',
        '/users/octocat': '/users/octocat',
      },
      merges: [
        {
          from: ['/repos/octocat/hello-world/issues/{id}', '/repos/torvalds/linux/issues/{id}'],
          to: '/repos/{owner}/{repo}/issues/{id}',
        },
        { from: ['/repos/torvalds/linux'], to: '/repos/{owner}/{repo}' },
      ],
    });
    expect(learner.observe('GET', '/repos/a/b')).toEqual({
      template: '/repos/{owner}/{repo}',
      params: { owner: 'a', repo: 'b' },
    });
    expect(learner.countEndpoints()).toBe(3);
    expect(learner.rules()).toEqual([{ pattern: '/repos/{owner}/{repo}', kind: 'param' }]);
  });

  it('a literal rule splits a real route off an existing parameter without splitting data', () => {
    const learner = createPathLearner({ promotion: { minObservations: 20 } });
    for (let i = 0; i < 25; i++)
      learner.observe('GET', `/people/name${String.fromCharCode(97 + i)}x`);
    learner.observe('GET', '/people/me');
    const result = learner.setRules([{ pattern: '/people/me', kind: 'literal' }]);
    expect(result).toEqual({
      ok: true,
      templates: { '/people/{person}': '/people/{person}' },
      merges: [],
    });
    expect(learner.observe('GET', '/people/me').template).toBe('/people/me');
    expect(learner.observe('GET', '/people/other').template).toBe('/people/{person}');
  });

  it('a pinned literal is never promoted, even when cold', () => {
    const learner = createPathLearner({ promotion: { minObservations: 20 } });
    learner.setRules([{ pattern: '/people/me', kind: 'literal' }]);
    learner.observe('GET', '/people/me');
    for (let i = 0; i < 25; i++)
      learner.observe('GET', `/people/name${String.fromCharCode(97 + i)}x`);
    expect(learner.listEndpoints().map((e) => e.template)).toEqual([
      '/people/me',
      '/people/{person}',
    ]);
  });

  it('a literal rule keeps a detector-shaped segment literal', () => {
    const learner = createPathLearner();
    learner.setRules([{ pattern: '/api/2024-01-15', kind: 'literal' }]);
    expect(learner.observe('GET', '/api/2024-01-15').template).toBe('/api/2024-01-15');
    expect(learner.observe('GET', '/api/2024-02-01').template).toBe('/api/{slug}');
  });

  it('removing a rule unpins names but never splits learned endpoints', () => {
    const learner = createPathLearner();
    for (const path of GITHUB_PATHS) learner.observe('GET', path);
    learner.setRules([{ pattern: '/repos/{owner}/{repo}', kind: 'param' }]);
    const result = learner.setRules([]);
    expect(result.ok && result.templates).toEqual({
      '/repos/{owner}/{repo}': '/repos/{repo}/{param}',
      '/repos/{owner}/{repo}/issues/{id}': '/repos/{repo}/{param}/issues/{id}',
      '/users/octocat': '/users/octocat',
    });
    expect(learner.countEndpoints()).toBe(3);
    expect(learner.rules()).toEqual([]);
  });

  it('drops the empty nodes of removed literal rules', () => {
    const learner = createPathLearner();
    const empty = JSON.stringify(learner.toJSON());
    learner.setRules([{ pattern: '/a/b/c', kind: 'literal' }]);
    expect(JSON.stringify(learner.toJSON())).not.toBe(empty);
    learner.setRules([]);
    expect(JSON.stringify(learner.toJSON())).toBe(empty);
  });

  it('refuses an invalid set and changes nothing', () => {
    const learner = createPathLearner();
    for (const path of GITHUB_PATHS) learner.observe('GET', path);
    learner.setRules([{ pattern: '/users/me', kind: 'literal' }]);
    const before = learner.toJSON();
    const result = learner.setRules([
      { pattern: '/repos/{owner}/{repo}', kind: 'param' },
      { pattern: '/repos/{org}', kind: 'param' },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [{ index: 1, message: '{org} conflicts with {owner} at /repos' }],
    });
    expect(learner.toJSON()).toEqual(before);
  });
});
