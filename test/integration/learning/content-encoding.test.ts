import { Agent } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { capturedCount, settleCaptures } from './fixtures/drive-api-traffic.js';
import { fetchLearnedEndpoints } from './fixtures/fetch-learned-endpoints.js';
import { startApiBackend, type ApiBackend } from './fixtures/start-api-backend.js';

const CODINGS = ['plain', 'gzip', 'br', 'deflate'] as const;
const ROUNDS = 12;

describe('learning from compressed responses', () => {
  let backend: ApiBackend;
  let app: TestApp;

  beforeAll(async () => {
    backend = await startApiBackend();
    app = await startTestApp({ target: backend.url, store: 'memory' });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const start = capturedCount(app);
    try {
      for (let n = 0; n < ROUNDS; n++) {
        await Promise.all(
          CODINGS.map((coding) =>
            sendRequest(app.proxyPort, { path: `/enc/${coding}?n=${n}`, agent }),
          ),
        );
      }
    } finally {
      agent.destroy();
    }
    await settleCaptures(app, start, ROUNDS * CODINGS.length);
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    await backend.stop();
  });

  it.each(CODINGS.filter((c) => c !== 'plain'))(
    '%s responses learn the schema and content type of plain JSON, and decoded examples',
    async (coding) => {
      const views = await fetchLearnedEndpoints(app);
      const plain = views.get('GET /enc/plain')!;
      const encoded = views.get(`GET /enc/${coding}`)!;
      expect(plain.responses['200']!.schema).toBeTruthy();
      expect(encoded.responses['200']!.schema).toEqual(plain.responses['200']!.schema);
      expect(encoded.responses['200']!.content_types).toEqual({ 'application/json': ROUNDS });
      // Examples hold the decoded document, exactly as the backend sent it.
      const sent = new Set(
        backend.sent
          .filter((s) => s.endpoint === `GET /enc/${coding}`)
          .map((s) => JSON.stringify(s.body)),
      );
      const examples = encoded.examples['200'] ?? [];
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(sent).toContain(JSON.stringify(example.responseBody));
    },
  );

  it('passes the encoded bytes through untouched', async () => {
    const response = await sendRequest(app.proxyPort, { path: '/enc/gzip?n=99' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(response.body).toString())).toMatchObject({ id: 99 });
  });
});
