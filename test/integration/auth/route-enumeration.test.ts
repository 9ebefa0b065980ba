import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminApp } from '../../../src/admin/create-admin-app.js';
import { createStubAdminApp, STUB_TOKEN } from './helpers/stub-admin-app.js';

/** Reachable without credentials; everything else must refuse (issue acceptance criterion). */
const PUBLIC = [/^\/landing$/, /^\/admin\/login(\/|$)/, /^\/admin\/logout$/, /^\/admin\/assets\//];

const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, '1').replace(/\*/g, 'x');

describe('every registered admin route needs credentials', () => {
  let app: AdminApp;
  beforeAll(async () => {
    app = await createStubAdminApp();
  });
  afterAll(() => app.fastify.close());

  it('enumerates the real route table', () => {
    const urls = app.routes.map((r) => r.url);
    for (const known of [
      '/',
      '/admin/config',
      '/admin/target',
      '/admin/ws-ticket',
      '/admin/session',
      '/admin/login',
    ]) {
      expect(urls).toContain(known);
    }
  });

  it('answers 401 or a login redirect, never 2xx, to each protected route without credentials', async () => {
    const protectedRoutes = app.routes.filter((r) => !PUBLIC.some((p) => p.test(r.url)));
    expect(protectedRoutes.length).toBeGreaterThan(10);
    for (const route of protectedRoutes) {
      for (const headers of [
        {},
        { authorization: `Bearer ${'x'.repeat(STUB_TOKEN.length)}` },
        { cookie: `__am_session=${'a'.repeat(43)}` },
      ]) {
        const response = await app.fastify.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: { host: '127.0.0.1:8000', ...headers },
        });
        const label = `${route.method} ${route.url} ${JSON.stringify(headers)}`;
        expect([401, 302], label).toContain(response.statusCode);
        if (response.statusCode === 302)
          expect(response.headers.location, label).toMatch(/^\/admin\/login(\?next=|$)/);
        else expect(response.headers['www-authenticate'], label).toMatch(/^Bearer/);
      }
    }
  });

  it('lets the same request through with the admin token (the check above can fail)', async () => {
    const response = await app.fastify.inject({
      method: 'GET',
      url: '/admin/session',
      headers: { host: '127.0.0.1:8000', authorization: `Bearer ${STUB_TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      provider: 'local',
      principal: { id: 'admin-token' },
      via: 'bearer',
    });
  });
});
