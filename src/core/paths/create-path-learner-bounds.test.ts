import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../random.js';
import { createPathLearner, DEFAULT_MAX_TEMPLATES } from './create-path-learner.js';
import type { PathLearnerState } from './path-learner-state.js';
import { MAX_PATH_LENGTH, MAX_SEGMENTS, OVERFLOW_TEMPLATE } from './path-limits.js';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const randomText = (rng: Rng, length: number, alphabet = ALNUM): string =>
  Array.from({ length }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
const randomSlug = (rng: Rng): string =>
  Array.from({ length: rng.int(3, 5) }, () =>
    randomText(rng, rng.int(3, 7), 'abcdefghijklmnop'),
  ).join('-');

describe('cardinality bound', () => {
  it('keeps 50,000 random paths within maxTemplates', () => {
    const learner = createPathLearner();
    const rng = createRng(128);
    let overflowed = 0;
    for (let i = 0; i < 50_000; i++) {
      const path = [
        () => `/x/${randomText(rng, 12)}`,
        () => `/y/${randomSlug(rng)}`,
        () => `/${randomText(rng, 10, 'abcdefghijklmnopqrstuvwxyz')}`,
        () => `/z/${randomText(rng, 8)}/items/${randomText(rng, 6)}`,
      ][i % 4]?.();
      const result = learner.observe(rng.pick(['GET', 'POST']), path ?? '/');
      if (result.overflow) {
        overflowed++;
        expect(result.template).toBe(OVERFLOW_TEMPLATE);
      }
      if (i % 5_000 === 0)
        expect(learner.countEndpoints()).toBeLessThanOrEqual(DEFAULT_MAX_TEMPLATES);
    }
    expect(learner.countEndpoints()).toBe(DEFAULT_MAX_TEMPLATES);
    expect(learner.listEndpoints()).toHaveLength(DEFAULT_MAX_TEMPLATES);
    expect(overflowed).toBeGreaterThan(10_000);
    expect(learner.match('GET', '/x/abc').template).toBe('/x/{x}');
    expect(learner.match('GET', '/y/some-new-slug').template).toBe('/y/{slug}');
    expect(learner.match('GET', '/z/q/items/r').template).toBe('/z/{z}/items/{item}');
  });

  it('sends new endpoints to the overflow bucket once full, and still serves known ones', () => {
    const learner = createPathLearner({ maxTemplates: 2 });
    expect(learner.observe('GET', '/a').overflow).toBeUndefined();
    expect(learner.observe('GET', '/b/1').overflow).toBeUndefined();
    expect(learner.observe('GET', '/c')).toEqual({
      template: OVERFLOW_TEMPLATE,
      params: {},
      overflow: true,
    });
    expect(learner.observe('POST', '/a')).toMatchObject({ overflow: true });
    expect(learner.observe('GET', '/b/2')).toEqual({ template: '/b/{id}', params: { id: '2' } });
    expect(learner.toJSON().root.literals?.map(([key]) => key)).toEqual(['a', 'b']);
  });

  it('makes room again when a promotion merges endpoints', () => {
    const learner = createPathLearner({ maxTemplates: 30, promotion: { minObservations: 40 } });
    const results = Array.from({ length: 40 }, (_, i) => learner.observe('GET', `/p/name${i}x`));
    expect(results[35]?.overflow).toBe(true);
    expect(results[39]).toMatchObject({ template: '/p/{p}' });
    expect(results[39]?.merged?.[0]?.from).toHaveLength(30);
    expect(learner.countEndpoints()).toBe(1);
  });
});

describe('inputs refused before any scan', () => {
  it.each([
    ['an over-long path', 'GET', `/${'a'.repeat(MAX_PATH_LENGTH)}`],
    ['too many segments', 'GET', '/a'.repeat(MAX_SEGMENTS + 1)],
    ['a 64 KiB hyphen run', 'GET', `/${'a-'.repeat(32 * 1024)}!`],
    ['a 64 KiB base64 run', 'GET', `/${'QUJD'.repeat(16 * 1024)}!`],
    ['an 8 KiB UUID-like run', 'GET', `/${'0123abcd-'.repeat(910)}`],
    ['a method with a space', 'GE T', '/a'],
    ['an empty method', '', '/a'],
    ['an over-long method', 'X'.repeat(33), '/a'],
  ])('%s overflows', (_label, method, path) => {
    const learner = createPathLearner();
    expect(learner.observe(method, path)).toEqual({
      template: OVERFLOW_TEMPLATE,
      params: {},
      overflow: true,
    });
    expect(learner.match(method, path)).toEqual({
      template: OVERFLOW_TEMPLATE,
      params: {},
      known: false,
      overflow: true,
    });
    expect(learner.countEndpoints()).toBe(0);
  });

  it('templates an over-long segment inside an allowed path as {token}', () => {
    const learner = createPathLearner();
    expect(learner.observe('GET', `/files/${'a'.repeat(1000)}/raw`).template).toBe(
      '/files/{token}/raw',
    );
  });

  it('accepts custom token methods', () => {
    expect(createPathLearner().observe('PROPFIND', '/dav/1').template).toBe('/dav/{id}');
  });
});

describe('toJSON / state', () => {
  function busyLearner() {
    const learner = createPathLearner({ promotion: { minObservations: 20 } });
    learner.setRules([
      { pattern: '/repos/{owner}/{repo}', kind: 'param' },
      { pattern: '/people/me', kind: 'literal' },
    ]);
    const rng = createRng(5);
    for (let i = 0; i < 300; i++) {
      learner.observe(rng.pick(['GET', 'PUT']), `/people/${randomText(rng, 7, 'abcdefghij')}`);
      learner.observe('GET', `/__proto__/constructor/${randomText(rng, 4, 'xyz')}`);
      learner.observe('GET', `/repos/o${i % 3}/r/issues/${i}`);
    }
    learner.observe('GET', '/confirm/eyJhbGciOiJIUzI1NiJ9.x.y');
    return learner;
  }

  it('round-trips through JSON and keeps learning identically', () => {
    const original = busyLearner();
    const state = JSON.parse(JSON.stringify(original)) as PathLearnerState;
    const restored = createPathLearner({ state, promotion: { minObservations: 20 } });
    expect(restored.toJSON()).toEqual(original.toJSON());
    expect(restored.listEndpoints()).toEqual(original.listEndpoints());
    expect(restored.rules()).toEqual(original.rules());
    const rng = createRng(6);
    for (let i = 0; i < 200; i++) {
      const path = `/__proto__/constructor/${randomText(rng, 3, 'xyzw')}`;
      expect(restored.observe('GET', path)).toEqual(original.observe('GET', path));
    }
    expect(restored.match('GET', '/repos/a/b/issues/1')).toEqual(
      original.match('GET', '/repos/a/b/issues/1'),
    );
  });

  it.each<[string, unknown]>([
    ['a wrong version', { version: 2, rules: [], root: {} }],
    ['invalid rules', { version: 1, rules: [{ pattern: '/', kind: 'literal' }], root: {} }],
    ['a non-object node', { version: 1, rules: [], root: [] }],
    ['a literal that is not a pair', { version: 1, rules: [], root: { literals: [['a']] } }],
    ['an unknown detected kind', { version: 1, rules: [], root: { detected: [['uuid', {}]] } }],
    ['a bad method', { version: 1, rules: [], root: { methods: ['x'.repeat(40)] } }],
    ['a bad pin', { version: 1, rules: [], root: { paramPin: 'a-b', param: {} } }],
    [
      'a negative count',
      { version: 1, rules: [], root: { tracker: { observations: -1, untracked: 0, hits: [] } } },
    ],
    ['an over-deep trie', { version: 1, rules: [], root: deepState(MAX_SEGMENTS + 5) }],
  ])('refuses a state with %s', (_label, state) => {
    expect(() => createPathLearner({ state: state as PathLearnerState })).toThrow(RangeError);
  });
});

function deepState(depth: number): unknown {
  let node: unknown = { methods: ['GET'] };
  for (let i = 0; i < depth; i++) node = { literals: [['a', node]] };
  return node;
}
