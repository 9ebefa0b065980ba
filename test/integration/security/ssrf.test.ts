import { readFileSync } from 'node:fs';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import type { LookupAll } from '../../../src/net/validate-target.js';
import { startCanary, type Canary } from '../../helpers/canary.js';
import { startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { createLogSink } from '../../helpers/log-sink.js';
import { problemCode, sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';

/** A fake resolver for target validation: names map to fixed addresses, others fail. */
function lookupAllFrom(table: Record<string, string[]>): LookupAll {
  return (hostname) => {
    const addresses = table[hostname];
    if (!addresses)
      return Promise.reject(
        Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
}

/** A fake connect-time resolver (what the upstream agent uses on every new connection). */
function connectLookupFrom(table: Record<string, string>, calls: string[]): LookupFunction {
  return (hostname, options, callback) => {
    calls.push(hostname);
    const address = table[hostname];
    if (!address) {
      callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    const entry: LookupAddress = { address, family: address.includes(':') ? 6 : 4 };
    if (options.all)
      (callback as unknown as (e: null, list: LookupAddress[]) => void)(null, [entry]);
    else callback(null, entry.address, entry.family);
  };
}

async function setTarget(app: TestApp, target: string) {
  const response = await app.admin('/admin/target', {
    method: 'POST',
    body: JSON.stringify({ target_url: target }),
  });
  const body = (await response.json()) as { code?: string; detail?: string; target_url?: string };
  return { status: response.status, body };
}

function storeBytes(app: TestApp): Buffer {
  const base = join(app.dataDir, app.config.db);
  return Buffer.concat(
    ['', '-wal', '-shm'].map((suffix) => {
      try {
        return readFileSync(base + suffix);
      } catch {
        return Buffer.alloc(0);
      }
    }),
  );
}

describe('security: SSRF through the runtime target', () => {
  let origin: EchoOrigin;
  let app: TestApp;
  const logs = createLogSink();

  beforeAll(async () => {
    origin = await startEchoOrigin();
    app = await startTestApp(
      { target: origin.url, logLevel: 'debug' },
      {
        lookupAll: lookupAllFrom({
          'metadata.test': ['169.254.169.254'],
          'mixed.test': ['127.0.0.1', '169.254.169.254'],
          'v6-link-local.test': ['fe80::1'],
        }),
        logDestination: logs.stream,
      },
    );
  });
  afterAll(async () => {
    await app.stop();
    await origin.close();
  });

  const FORBIDDEN = [
    'http://169.254.169.254/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://0.0.0.0:8080/',
    'http://[::]:8080/',
    'http://2852039166/',
    'http://0xA9FEA9FE/',
    'http://0251.0376.0251.0376/',
    'http://224.0.0.1/',
    'http://metadata.test/',
    'http://mixed.test:8080/',
    'http://v6-link-local.test/',
  ];

  it.each(FORBIDDEN)(
    'P0-99 %s is refused with 400 at config time; nothing changes',
    async (target) => {
      const { status, body } = await setTarget(app, target);
      expect(status).toBe(400);
      expect(body.code).toBe('FORBIDDEN_TARGET');
      expect(app.state.target?.url).toBe(origin.url);
      expect((await app.engine.api.getSettings()).target).toBe(origin.url);
    },
  );

  it.each([
    'file:///etc/passwd',
    'gopher://127.0.0.1:70/_x',
    'ftp://127.0.0.1/',
    'ws://127.0.0.1:1/',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'not a url',
    '//127.0.0.1:1/',
  ])('P0-100 scheme %s is refused with 400 INVALID_TARGET', async (target) => {
    const { status, body } = await setTarget(app, target);
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_TARGET');
    expect(app.state.target?.url).toBe(origin.url);
  });

  it('P0-100 userinfo is refused, and the password appears in no answer, log or store file', async () => {
    const { status, body } = await setTarget(
      app,
      `http://user:PASSWORDSECRET42@127.0.0.1:${origin.port}/`,
    );
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_TARGET');
    expect(JSON.stringify(body)).not.toContain('PASSWORDSECRET42');
    await app.flush();
    expect(logs.text()).not.toContain('PASSWORDSECRET42');
    expect(storeBytes(app).indexOf('PASSWORDSECRET42')).toBe(-1);
    expect(app.state.target?.url).toBe(origin.url);
  });

  describe('with a canary on 127.0.0.3', () => {
    let canary: Canary;
    beforeAll(async () => {
      canary = await startCanary('127.0.0.3');
    });
    afterAll(async () => {
      await canary.close();
    });

    it('P0-101 TARGET_ALLOWLIST: only listed host:port pairs pass; link-local stays denied even when listed', async () => {
      const listed = await startTestApp({
        targetAllowlist: [`127.0.0.1:${origin.port}`, '169.254.0.0/16'],
      });
      try {
        expect((await setTarget(listed, `http://127.0.0.3:${canary.port}/`)).status).toBe(400);
        expect((await setTarget(listed, `http://127.0.0.1:${canary.port}/`)).status).toBe(400);
        expect((await setTarget(listed, 'http://169.254.169.254/')).body.code).toBe(
          'FORBIDDEN_TARGET',
        );
        const allowed = await setTarget(listed, `http://127.0.0.1:${origin.port}`);
        expect(allowed.status).toBe(200);
        expect(allowed.body.target_url).toBe(origin.url);
        expect((await sendRequest(listed.proxyPort, { path: '/allowed' })).status).toBe(200);
        expect(canary.connections).toBe(0);
      } finally {
        await listed.stop();
      }
      const fromEnv = loadConfig({
        env: { TARGET_ALLOWLIST: `127.0.0.1:${origin.port}, 10.0.0.0/8` },
      });
      expect(fromEnv.targetAllowlist).toEqual([`127.0.0.1:${origin.port}`, '10.0.0.0/8']);
    });

    it('P0-103 a redirect to an internal host is relayed, never followed', async () => {
      const location = `http://127.0.0.3:${canary.port}/`;
      origin.handler = (_req, res) => {
        res.writeHead(302, { location, 'content-length': 0 });
        res.end();
      };
      try {
        const response = await sendRequest(app.proxyPort, { path: '/go' });
        expect(response.status).toBe(302);
        expect(response.headers.location).toBe(location);
        await new Promise((r) => setTimeout(r, 100));
        expect(canary.connections).toBe(0);
      } finally {
        origin.handler = undefined;
      }
    });
  });

  it('P0-102 DNS rebinding: the connect-time check refuses a name that now resolves elsewhere', async () => {
    const allowedOrigin = await startEchoOrigin('127.0.0.2');
    // The canary listens on the same port as the allowed origin: a rebound name would reach it.
    const canary = await startCanary('127.0.0.3', allowedOrigin.port);
    const calls: string[] = [];
    const rebinding = await startTestApp(
      { targetAllowlist: ['127.0.0.2'] },
      {
        lookupAll: lookupAllFrom({ 'rebind.test': ['127.0.0.2'], 'stable.test': ['127.0.0.2'] }),
        lookup: connectLookupFrom(
          { 'rebind.test': '127.0.0.3', 'stable.test': '127.0.0.2' },
          calls,
        ),
      },
    );
    const unlisted = await startTestApp(
      {},
      {
        lookupAll: lookupAllFrom({ 'meta.test': ['127.0.0.1'] }),
        lookup: connectLookupFrom({ 'meta.test': '169.254.169.254' }, calls),
      },
    );
    try {
      expect((await setTarget(rebinding, `http://stable.test:${allowedOrigin.port}`)).status).toBe(
        200,
      );
      expect((await sendRequest(rebinding.proxyPort, { path: '/stable' })).status).toBe(200);
      expect(allowedOrigin.requests.map((r) => r.url)).toEqual(['/stable']);

      expect((await setTarget(rebinding, `http://rebind.test:${allowedOrigin.port}`)).status).toBe(
        200,
      );
      const rebound = await sendRequest(rebinding.proxyPort, { path: '/rebound' });
      expect(rebound.status).toBe(502);
      expect(problemCode(rebound)).toBe('UPSTREAM_BLOCKED');
      expect(calls).toContain('rebind.test');
      expect(canary.connections).toBe(0);
      expect(allowedOrigin.requests).toHaveLength(1);

      expect((await setTarget(unlisted, `http://meta.test:${origin.port}`)).status).toBe(200);
      const metadata = await sendRequest(unlisted.proxyPort, { path: '/latest/meta-data/' });
      expect(metadata.status).toBe(502);
      expect(problemCode(metadata)).toBe('UPSTREAM_BLOCKED');
    } finally {
      await rebinding.stop();
      await unlisted.stop();
      await canary.close();
      await allowedOrigin.close();
    }
  });
});
