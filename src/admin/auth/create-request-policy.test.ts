import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRequestPolicy, type RequestPolicyOptions } from './create-request-policy.js';

const base: RequestPolicyOptions = {
  host: '127.0.0.1',
  allowedHosts: ['mock.example.com', '.dev.example'],
  allowedOrigins: ['https://app.example.com'],
  trustProxy: false,
  cookieSecure: 'auto',
};

function req(
  headers: Record<string, string>,
  socket: { remoteAddress?: string; encrypted?: boolean } = {},
): IncomingMessage {
  return {
    headers,
    socket: { remoteAddress: '10.0.0.9', ...socket },
  } as unknown as IncomingMessage;
}

describe('createRequestPolicy', () => {
  const policy = createRequestPolicy(base);

  it.each([
    ['127.0.0.1:8000', true],
    ['localhost:8000', true],
    ['app.localhost', true],
    ['[::1]:8000', true],
    ['192.168.1.20:8000', true],
    ['mock.example.com', true],
    ['MOCK.example.com:443', true],
    ['a.dev.example', true],
    ['dev.example', true],
    ['attacker.test', false],
    ['mock.example.com.attacker.test', false],
    ['evildev.example', false],
    ['', false],
  ])('Host %j allowed: %s (A-114)', (host, allowed) => {
    expect(policy.isHostAllowed(req(host ? { host } : {}))).toBe(allowed);
  });

  it.each([
    [{ host: '127.0.0.1:8000', origin: 'http://127.0.0.1:8000' }, 'same'],
    [{ host: '127.0.0.1:8000', origin: 'https://127.0.0.1:8000' }, 'same'],
    [{ host: '127.0.0.1:8000', origin: 'http://127.0.0.1:9000' }, 'cross'],
    [{ host: '127.0.0.1:8000', origin: 'http://evil.test' }, 'cross'],
    [{ host: '127.0.0.1:8000', origin: 'null' }, 'cross'],
    [{ host: '127.0.0.1:8000', origin: 'https://app.example.com' }, 'same'],
    [{ host: '127.0.0.1:8000', referer: 'http://127.0.0.1:8000/admin/login?next=/' }, 'same'],
    [{ host: '127.0.0.1:8000', referer: 'http://evil.test/page' }, 'cross'],
    [{ host: '127.0.0.1:8000' }, 'absent'],
  ])('origin of %j is %s', (headers, verdict) => {
    expect(policy.originOf(req(headers))).toBe(verdict);
  });

  it('echoes only allow-listed origins for CORS (A-117)', () => {
    expect(policy.cors).toBe(true);
    expect(policy.corsOrigin(req({ origin: 'https://app.example.com' }))).toBe(
      'https://app.example.com',
    );
    expect(policy.corsOrigin(req({ origin: 'http://evil.test' }))).toBeUndefined();
    expect(createRequestPolicy({ ...base, allowedOrigins: [] }).cors).toBe(false);
  });

  it.each([
    [{ cookieSecure: 'auto' }, {}, {}, false],
    [{ cookieSecure: 'auto' }, {}, { encrypted: true }, true],
    [{ cookieSecure: 'auto' }, { 'x-forwarded-proto': 'https' }, {}, false],
    [{ cookieSecure: 'auto', trustProxy: true }, { 'x-forwarded-proto': 'https' }, {}, true],
    [{ cookieSecure: 'always' }, {}, {}, true],
    [{ cookieSecure: 'never' }, {}, { encrypted: true }, false],
  ] as const)(
    'Secure cookie with %j, headers %j, socket %j: %s',
    (options, headers, socket, secure) => {
      expect(createRequestPolicy({ ...base, ...options }).isSecure(req(headers, socket))).toBe(
        secure,
      );
    },
  );

  it('takes the client address from the socket unless a proxy is trusted', () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 1.2.3.4' };
    expect(policy.clientIp(req(headers))).toBe('10.0.0.9');
    expect(createRequestPolicy({ ...base, trustProxy: true }).clientIp(req(headers))).toBe(
      '1.2.3.4',
    );
  });
});
