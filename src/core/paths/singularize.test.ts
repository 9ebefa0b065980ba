import { describe, expect, it } from 'vitest';
import { singularize } from './singularize.js';

describe('singularize', () => {
  it.each([
    ['users', 'user'],
    ['repos', 'repo'],
    ['categories', 'category'],
    ['addresses', 'address'],
    ['branches', 'branch'],
    ['boxes', 'box'],
    ['payment_intents', 'payment_intent'],
    ['people', 'person'],
    ['statuses', 'status'],
    ['series', 'series'],
    ['status', 'status'],
    ['access', 'access'],
    ['analysis', 'analysis'],
    ['user', 'user'],
    ['Orders', 'Order'],
    ['x', 'x'],
  ])('%s → %s', (word, singular) => {
    expect(singularize(word)).toBe(singular);
  });
});
