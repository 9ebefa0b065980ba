import { describe, expect, it } from 'vitest';
import { createEndpointModel } from '../core/model/create-endpoint-model.js';
import type { StoredEndpoint } from '../store/store.js';
import { ModelSnapshot } from './model-snapshot.js';

const TEMPLATES = [
  'GET /orders/{id}',
  'GET /posts/{slug}',
  'GET /products/{id}',
  'GET /users',
  'GET /users/{id}',
  'GET /users/{id}/orders',
  'POST /users',
];

function snapshot(): ModelSnapshot {
  const endpoints = TEMPLATES.map((label, i): StoredEndpoint => {
    const [method, template] = label.split(' ') as [string, string];
    return {
      id: i + 1,
      method,
      template,
      model: createEndpointModel(method, template),
      createdAt: 0,
      updatedAt: 0,
    };
  });
  return new ModelSnapshot(undefined, endpoints);
}

describe('ModelSnapshot.closest', () => {
  it.each([
    ['GET', '/userz/7', 'GET /users/{id}'],
    ['GET', '/user/7', 'GET /users/{id}'],
    ['GET', '/users/7/order', 'GET /users/{id}/orders'],
    ['GET', '/order/abc', 'GET /orders/{id}'],
    ['GET', '/product/1', 'GET /products/{id}'],
    ['POST', '/userss', 'POST /users'],
    ['GET', '/post/hello-world-again', 'GET /posts/{slug}'],
  ])('%s %s → %s first', (method, path, expected) => {
    expect(snapshot().closest(method, path)[0]).toBe(expected);
  });

  it('returns at most `limit` labels, same method first', () => {
    const closest = snapshot().closest('GET', '/userz', 3);
    expect(closest).toHaveLength(3);
    expect(closest[0]).toBe('GET /users');
    expect(closest).not.toContain('POST /users');
  });

  it('stays bounded on a huge path', () => {
    const path = `/${'a'.repeat(5000)}/`.repeat(100);
    expect(snapshot().closest('GET', path)).toHaveLength(3);
  });
});
