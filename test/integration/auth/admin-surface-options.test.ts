import { describe, expect, it } from 'vitest';
import { problemCode, sendRequest } from '../../helpers/send-request.js';
import { startTestApp, TEST_TOKEN } from '../../helpers/start-test-app.js';

describe('admin surface options', () => {
  it('A-117 with ALLOWED_ORIGINS the allowed origin is echoed exactly, with Vary: Origin; others get nothing', async () => {
    const app = await startTestApp({ store: 'memory', allowedOrigins: ['http://app.test:3000'] });
    try {
      const host = `127.0.0.1:${app.adminPort}`;
      const preflight = (origin: string) =>
        sendRequest(app.adminPort, {
          method: 'OPTIONS',
          path: '/admin/config',
          headers: {
            host,
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        });
      const evil = await preflight('http://evil.test');
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      const allowed = await preflight('http://app.test:3000');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('http://app.test:3000');
      expect(String(allowed.headers.vary)).toMatch(/Origin/);
      expect(String(allowed.headers['access-control-allow-headers'])).toContain('authorization');
      const get = await sendRequest(app.adminPort, {
        path: '/admin/config',
        headers: { host, origin: 'http://app.test:3000', authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(get.headers['access-control-allow-origin']).toBe('http://app.test:3000');
      expect(get.headers['access-control-allow-credentials']).toBeUndefined();
    } finally {
      await app.stop();
    }
  });

  it('rate-limits failed bearer checks and login attempts per client with 429 and Retry-After', async () => {
    const app = await startTestApp({ store: 'memory', authRateLimit: 1, authRateBurst: 3 });
    try {
      const host = `127.0.0.1:${app.adminPort}`;
      const wrong = () =>
        sendRequest(app.adminPort, {
          path: '/admin/config',
          headers: { host, authorization: 'Bearer wrong' },
        });
      for (let i = 0; i < 3; i++) expect((await wrong()).status).toBe(401);
      const limited = await wrong();
      expect(limited.status).toBe(429);
      expect(problemCode(limited)).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const login = await sendRequest(app.adminPort, {
        method: 'POST',
        path: '/admin/login',
        headers: { host, 'content-type': 'application/json' },
        body: JSON.stringify({ token: TEST_TOKEN }),
      });
      expect(login.status).toBe(429);
    } finally {
      await app.stop();
    }
  });

  it('A-97 the cookie is Secure when a trusted proxy says the request came over https', async () => {
    const app = await startTestApp({ store: 'memory', trustProxy: true });
    try {
      const response = await sendRequest(app.adminPort, {
        path: `/admin/login?token=${TEST_TOKEN}`,
        headers: { host: `127.0.0.1:${app.adminPort}`, 'x-forwarded-proto': 'https' },
      });
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure$/);
    } finally {
      await app.stop();
    }
  });
});
