import { describe, expect, it } from 'vitest';
import { LOCAL_USERS_KEY, putLocalUser, readLocalUsers } from './local-users.js';

describe('readLocalUsers', () => {
  it('reads valid entries, skips malformed ones, and keeps __proto__ as a plain name', () => {
    const settings = JSON.parse(
      '{"users":{"alice":{"passwordHash":"h1"},"bad name":{"passwordHash":"h2"},"bob":{"passwordHash":3},"__proto__":{"passwordHash":"h3"},"carol":null}}',
    ) as Record<string, unknown>;
    const users = readLocalUsers(settings);
    expect([...users.keys()]).toEqual(['alice', '__proto__']);
    expect(users.get('alice')).toEqual({ name: 'alice', passwordHash: 'h1' });
    expect(users.get('__proto__')).toEqual({ name: '__proto__', passwordHash: 'h3' });
    expect(({} as Record<string, unknown>).passwordHash).toBeUndefined();
  });

  it.each([[undefined], ['text'], [[1, 2]], [null]])(
    'returns no users when the setting is %j',
    (value) => {
      expect(readLocalUsers({ [LOCAL_USERS_KEY]: value }).size).toBe(0);
    },
  );
});

describe('putLocalUser', () => {
  it('adds or replaces one user and keeps the others', () => {
    const first = putLocalUser({}, { name: 'alice', passwordHash: 'a1' });
    const second = putLocalUser({ users: first }, { name: 'alice', passwordHash: 'a2' });
    const third = putLocalUser({ users: second }, { name: 'bob', passwordHash: 'b1' });
    expect(JSON.parse(JSON.stringify(third))).toEqual({
      alice: { passwordHash: 'a2' },
      bob: { passwordHash: 'b1' },
    });
  });

  it('refuses names outside the allowed characters', () => {
    expect(() => putLocalUser({}, { name: '<script>', passwordHash: 'x' })).toThrow(/User names/);
  });
});
