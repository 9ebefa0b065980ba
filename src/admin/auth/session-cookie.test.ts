import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PLATFORM_COOKIE } from '../../proxy/forward-headers.js';
import {
  readSessionId,
  SESSION_COOKIE,
  toClearedCookie,
  toSessionCookie,
} from './session-cookie.js';

const ID = 'a'.repeat(43);
const req = (cookie?: string) =>
  ({ headers: cookie === undefined ? {} : { cookie } }) as IncomingMessage;

describe('session cookie', () => {
  it('is the cookie the proxy strips before forwarding', () => {
    expect(SESSION_COOKIE).toBe(PLATFORM_COOKIE);
  });

  it.each([
    [`${SESSION_COOKIE}=${ID}`, ID],
    [`app=1; ${SESSION_COOKIE}=${ID}; other=2`, ID],
    [`${SESSION_COOKIE}=short`, undefined],
    [`x${SESSION_COOKIE}=${ID}`, undefined],
    ['app=1', undefined],
    [undefined, undefined],
  ])('reads %j', (header, expected) => {
    expect(readSessionId(req(header))).toBe(expected);
  });

  it('is HttpOnly, SameSite=Strict, Path=/ and Secure only under TLS', () => {
    expect(toSessionCookie(ID, 3_600_000, false)).toBe(
      `${SESSION_COOKIE}=${ID}; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict`,
    );
    expect(toSessionCookie(ID, 3_600_000, true)).toMatch(/; Secure$/);
    expect(toClearedCookie(false)).toMatch(
      new RegExp(`^${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly`),
    );
  });
});
