import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../random.js';
import { createPathLearner, type ObserveResult } from './create-path-learner.js';

/** Distinct lowercase names no detector fires on. */
function names(count: number, rng: Rng = createRng(11)): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    let name = '';
    for (let i = rng.int(5, 9); i > 0; i--) name += String.fromCharCode(rng.int(97, 122));
    seen.add(name);
  }
  return [...seen];
}

const firstMerge = (results: ObserveResult[]): number => results.findIndex((r) => r.merged);

describe('cardinality promotion', () => {
  it('promotes a position once 50 observations show mostly unique values, and reports the merge', () => {
    const learner = createPathLearner();
    const people = names(60);
    const first = people[0] ?? '';
    learner.observe('GET', `/people/${first}/repos`);
    const results = people.map((name) => learner.observe('GET', `/people/${name}`));
    // 1 + 49 observations reach minObservations (50) with 49 distinct, 48 seen once.
    expect(firstMerge(results)).toBe(48);
    const promoted = results[48];
    expect(promoted?.template).toBe('/people/{person}');
    expect(promoted?.params).toEqual({ person: people[48] });
    expect(promoted?.merged).toEqual([
      { from: people.slice(0, 48).map((name) => `/people/${name}`), to: '/people/{person}' },
      { from: [`/people/${first}/repos`], to: '/people/{person}/repos' },
    ]);
    expect(results.slice(49).every((r) => r.template === '/people/{person}' && !r.merged)).toBe(
      true,
    );
    expect(learner.countEndpoints()).toBe(2);
  });

  it('does not promote 30 resource names that are hit again and again', () => {
    const resources = names(30, createRng(3));
    const roundRobin = createPathLearner();
    const shuffled = createPathLearner();
    const rng = createRng(99);
    const results: ObserveResult[] = [];
    for (let round = 0; round < 20; round++) {
      for (const resource of resources) {
        results.push(roundRobin.observe('GET', `/api/v1/${resource}`));
        results.push(roundRobin.observe('GET', `/api/v1/${resource}/${rng.int(1, 1e6)}`));
        results.push(shuffled.observe('GET', `/api/v1/${rng.pick(resources)}`));
      }
    }
    expect(firstMerge(results)).toBe(-1);
    expect(roundRobin.countEndpoints()).toBe(60);
    expect(shuffled.countEndpoints()).toBe(30);
  });

  it('promotes values requested several times each once 128 are distinct', () => {
    const learner = createPathLearner();
    const users = names(130);
    const results: ObserveResult[] = [];
    for (const user of users) {
      for (const suffix of ['', '/repos', '/followers']) {
        results.push(learner.observe('GET', `/users/${user}${suffix}`));
      }
    }
    expect(firstMerge(results)).toBe(127 * 3);
    expect(learner.listEndpoints().map((e) => e.template)).toEqual([
      '/users/{user}',
      '/users/{user}/repos',
      '/users/{user}/followers',
    ]);
  });

  it('never promotes the root segment', () => {
    const learner = createPathLearner();
    const results = names(300).map((name) => learner.observe('GET', `/${name}`));
    expect(firstMerge(results)).toBe(-1);
    expect(learner.countEndpoints()).toBe(300);
  });

  it('keeps a hot literal literal and folds detected children into the parameter', () => {
    const learner = createPathLearner();
    for (let i = 0; i < 100; i++) learner.observe('GET', '/users/me');
    learner.observe('GET', '/users/42');
    const results = names(40).map((name) => learner.observe('GET', `/users/${name}`));
    const merged = results.find((r) => r.merged)?.merged ?? [];
    expect(merged.find((m) => m.to === '/users/{user}')?.from).toContain('/users/{id}');
    expect(learner.observe('GET', '/users/me').template).toBe('/users/me');
    expect(learner.observe('GET', '/users/43').template).toBe('/users/{user}');
    expect(learner.match('GET', '/users/zed')).toMatchObject({
      template: '/users/{user}',
      known: true,
    });
  });

  it('unites the methods of merged endpoints', () => {
    const learner = createPathLearner({ promotion: { minObservations: 20 } });
    const people = names(25);
    people.forEach((name, i) => learner.observe(i % 2 === 0 ? 'GET' : 'DELETE', `/people/${name}`));
    expect(learner.listEndpoints()).toEqual([
      { method: 'GET', template: '/people/{person}' },
      { method: 'DELETE', template: '/people/{person}' },
    ]);
    expect(learner.countEndpoints()).toBe(2);
  });

  it('merges sub-trees that meet under the new parameter', () => {
    const learner = createPathLearner({ promotion: { minObservations: 20 } });
    const teams = names(25);
    for (const team of teams) learner.observe('GET', `/teams/${team}/boards/main`);
    expect(learner.listEndpoints()).toEqual([
      { method: 'GET', template: '/teams/{team}/boards/main' },
    ]);
  });
});
