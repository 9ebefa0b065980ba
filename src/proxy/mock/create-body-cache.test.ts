import { describe, expect, it } from 'vitest';
import { createEndpointModel } from '../../core/model/create-endpoint-model.js';
import { createBodyCache } from './create-body-cache.js';

describe('createBodyCache', () => {
  const model = createEndpointModel('GET', '/items');

  it('generates once per key and model, and again when the model object changes', () => {
    const cache = createBodyCache({ maxEntries: 10, maxBytes: 1000 });
    let calls = 0;
    const produce = () => `body ${++calls}`;
    expect(cache.get(model, 'k', produce).toString()).toBe('body 1');
    expect(cache.get(model, 'k', produce).toString()).toBe('body 1');
    expect(cache.get(model, 'other', produce).toString()).toBe('body 2');
    const relearned = { ...model };
    expect(cache.get(relearned, 'k', produce).toString()).toBe('body 3');
    expect(cache.size).toBe(2);
  });

  it('evicts the oldest entry past maxEntries', () => {
    const cache = createBodyCache({ maxEntries: 2, maxBytes: 1000 });
    cache.get(model, 'a', () => 'A');
    cache.get(model, 'b', () => 'B');
    cache.get(model, 'c', () => 'C');
    expect(cache.size).toBe(2);
    expect(cache.get(model, 'b', () => 'B2').toString()).toBe('B');
    expect(cache.get(model, 'a', () => 'A2').toString()).toBe('A2');
  });

  it('keeps the byte budget and never keeps a body larger than it', () => {
    const cache = createBodyCache({ maxEntries: 100, maxBytes: 10 });
    cache.get(model, 'a', () => '123456');
    cache.get(model, 'b', () => '123456');
    expect(cache.size).toBe(1);
    expect(cache.get(model, 'huge', () => 'x'.repeat(11)).length).toBe(11);
    expect(cache.size).toBe(1);
    expect(cache.get(model, 'b', () => 'again').toString()).toBe('123456');
  });
});
