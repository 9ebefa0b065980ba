import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawValues, startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { createLogSink } from '../../helpers/log-sink.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';

const CARD = '4111111111111111';
const SECRETS = [
  'SECRETA01',
  'SECRETA02',
  'SECRETA03',
  'SECRETA04',
  'SECRETA05',
  'SECRETA06',
  'SECRETA07',
  'SECRETA08',
  'SECRETA09',
  'SECRETA10',
  'SECRETA11',
  CARD,
];

describe('security: redaction of recorded traffic', () => {
  let origin: EchoOrigin;
  let app: TestApp;
  const logs = createLogSink();

  beforeAll(async () => {
    origin = await startEchoOrigin();
    origin.handler = (_req, res) => {
      const body = JSON.stringify({
        jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTRUNSRVQxMSJ9.SECRETA11sig',
        ok: true,
      });
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 's=SECRETA10; HttpOnly',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    };
    app = await startTestApp(
      { target: origin.url, logLevel: 'trace' },
      { logDestination: logs.stream },
    );
  });
  afterAll(async () => {
    await app.stop();
    await origin.close();
  });

  it('P0-108 no secret reaches the store files, the logs or the admin API; the fields are still learned', async () => {
    const body = JSON.stringify({
      password: 'SECRETA07',
      token: 'SECRETA08',
      card: CARD,
      nested: { apiKey: 'SECRETA09' },
      name: 'visible',
    });
    for (let i = 0; i < 3; i++) {
      const response = await sendRequest(app.proxyPort, {
        method: 'POST',
        path: '/login?access_token=SECRETA05&api_key=SECRETA06&page=2',
        headers: {
          authorization: 'Bearer SECRETA01',
          cookie: 'sid=SECRETA02',
          'x-api-key': 'SECRETA03',
          'proxy-authorization': 'Basic SECRETA04',
          'content-type': 'application/json',
        },
        body,
      });
      expect(response.status).toBe(200);
      // The proxied app still gets its own credentials (redaction is for recordings only).
      expect(response.headers['set-cookie']).toEqual(['s=SECRETA10; HttpOnly']);
    }
    expect(rawValues(origin.requests[0]!.rawHeaders, 'authorization')).toEqual([
      'Bearer SECRETA01',
    ]);
    expect(await trafficRows(app, '/login', 3)).toHaveLength(3);

    const base = join(app.dataDir, app.config.db);
    const files = ['', '-wal', '-shm'].map((suffix) => {
      try {
        return readFileSync(base + suffix);
      } catch {
        return Buffer.alloc(0);
      }
    });
    const endpoints = await app.engine.api.allEndpoints();
    const apiText = [
      JSON.stringify(endpoints),
      await (await app.admin('/admin/endpoints')).text(),
      await (await app.admin('/admin/traffic')).text(),
      await (await app.admin(`/admin/endpoints/${endpoints[0]?.id ?? 0}`)).text(),
      await (await app.admin('/admin/explorer/overview')).text(),
    ].join('\n');
    for (const secret of SECRETS) {
      for (const file of files) expect(file.indexOf(secret), `${secret} in a store file`).toBe(-1);
      expect(logs.text(), `${secret} in the logs`).not.toContain(secret);
      expect(apiText, `${secret} in the admin API`).not.toContain(secret);
    }
    const login = endpoints.find((e) => e.template === '/login');
    const requestSchema = JSON.stringify(login?.model.requestSchema);
    for (const field of ['password', 'token', 'card', 'apiKey', 'name'])
      expect(requestSchema).toContain(`"${field}"`);
    expect(JSON.stringify(login?.model.responses['200']?.schema)).toContain('"jwt"');
  });
});
