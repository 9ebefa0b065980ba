import { describe, expect, it } from 'vitest';
import { toResponseHeaders } from './forward-headers.js';

describe('toResponseHeaders', () => {
  it('drops hop-by-hop fields and those Connection names, keeps order, case and repeats', () => {
    const { downstream, record } = toResponseHeaders([
      'Content-Type',
      'application/json',
      'Connection',
      'keep-alive, X-Hop',
      'X-Hop',
      'secret',
      'Set-Cookie',
      'a=1; Path=/',
      'Keep-Alive',
      'timeout=5',
      'X-Multi',
      'one',
      'set-cookie',
      'b=2, c; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
      'x-multi',
      'two',
      'Transfer-Encoding',
      'chunked',
    ]);
    expect(downstream).toEqual([
      'Content-Type',
      'application/json',
      'Set-Cookie',
      'a=1; Path=/',
      'X-Multi',
      'one',
      'set-cookie',
      'b=2, c; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
      'x-multi',
      'two',
    ]);
    expect(record['content-type']).toBe('application/json');
    expect(record['set-cookie']).toEqual([
      'a=1; Path=/',
      'b=2, c; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
    ]);
    expect(record['x-multi']).toBe('one, two');
    expect(record['x-hop']).toBe('secret');
  });
});
