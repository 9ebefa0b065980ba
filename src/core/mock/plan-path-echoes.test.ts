import { describe, expect, it } from 'vitest';
import { normalizeFieldKey, planPathEchoes } from './plan-path-echoes.js';

describe('normalizeFieldKey', () => {
  it.each([
    ['userId', 'userid'],
    ['user_id', 'userid'],
    ['UserID', 'userid'],
    ['user.id', 'userid'],
    ['_id', 'id'],
  ])('%s → %s', (name, key) => {
    expect(normalizeFieldKey(name)).toBe(key);
  });
});

describe('planPathEchoes', () => {
  it.each([
    ['/users/{id}', { id: '42' }, { userid: '42' }, '42'],
    ['/users/{id}/orders', { id: '42' }, { userid: '42' }, undefined],
    [
      '/users/{user}/orders/{order}',
      { user: '7', order: '9' },
      { user: '7', userid: '7', order: '9', orderid: '9' },
      '9',
    ],
    [
      '/repos/{slug}',
      { slug: 'a-b-c' },
      { slug: 'a-b-c', slugid: 'a-b-c', repoid: 'a-b-c' },
      'a-b-c',
    ],
    ['/files/{id}.json', { id: '5' }, { fileid: '5' }, '5'],
    ['/categories/{categoryId}', { categoryId: '3' }, { categoryid: '3' }, '3'],
    ['/{id}', { id: '1' }, {}, '1'],
    [undefined, { id: '8', shopId: '2' }, { shopid: '2' }, '8'],
    ['/users/{id}', {}, {}, undefined],
    ['not a template {', { id: '4' }, {}, '4'],
  ] as const)('%s with %j', (template, params, fields, entityId) => {
    const plan = planPathEchoes(template, params);
    expect(Object.fromEntries(plan.fields)).toEqual(fields);
    expect(plan.entityId).toBe(entityId);
  });

  it('lets the first parameter claim a key', () => {
    const plan = planPathEchoes('/users/{id}/users/{id2}', { id: '1', id2: '2' });
    expect(plan.fields.get('userid')).toBe('1');
    expect(plan.entityId).toBe('2');
  });

  it('reads only own parameters', () => {
    const params = Object.create({ id: 'inherited' }) as Record<string, string>;
    expect(planPathEchoes('/users/{id}', params)).toEqual({ fields: new Map() });
  });
});
