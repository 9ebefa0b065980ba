import { describe, expect, it } from 'vitest';
import { joinPath, MAX_PATH_KEY_LENGTH } from './join-path.js';

describe('joinPath', () => {
  it.each<[string, string, string]>([
    ['$', 'user', '$.user'],
    ['$.a[*]', 'user_id', '$.a[*].user_id'],
    ['$', '_x9', '$._x9'],
    ['$', '9lives', '$["9lives"]'],
    ['$', 'first name', '$["first name"]'],
    ['$', 'a.b', '$["a.b"]'],
    ['$', 'say "hi"\n', '$["say \\"hi\\"\\n"]'],
    ['$', '$ref', '$["$ref"]'],
    ['$', 'prénom', '$["prénom"]'],
    ['$', '', '$[""]'],
  ])('%s + %j → %s', (path, key, expected) => {
    expect(joinPath(path, key)).toBe(expected);
  });

  it('cuts very long keys', () => {
    const path = joinPath('$', 'k'.repeat(1000));
    expect(path).toBe(`$["${'k'.repeat(MAX_PATH_KEY_LENGTH - 1)}…"]`);
  });
});
