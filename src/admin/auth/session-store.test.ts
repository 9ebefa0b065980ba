import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store.js';

const principal = { id: 'alice', kind: 'user' } as const;

describe('SessionStore', () => {
  it('issues 32-byte ids and ends sessions at their fixed lifetime', () => {
    let now = 0;
    const store = new SessionStore(1000, () => now);
    const session = store.create(principal);
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toBe(1000);
    now = 999;
    expect(store.get(session.id)?.principal).toEqual(principal);
    now = 1000;
    expect(store.get(session.id)).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  it('deletes on logout and drops the oldest when full', () => {
    const store = new SessionStore(1000, () => 0, 2);
    const a = store.create(principal);
    const b = store.create(principal);
    const c = store.create(principal);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.get(b.id)).toBeDefined();
    store.delete(c.id);
    expect(store.get(c.id)).toBeUndefined();
  });
});
