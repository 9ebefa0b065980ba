import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEntry, LiveMessage } from '../../../src/contract/live-messages.js';
import { startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { openLiveStream } from '../drift/open-live-stream.js';

/** More than the 100 entries kept for late viewers, sent as one pipeline batch. */
const BATCH = 150;

const entriesOf = (messages: LiveMessage[]): LiveEntry[] =>
  messages.flatMap((m) => (m.type === 'entries' || m.type === 'initial' ? m.entries : []));

describe('live stream: every entry while someone watches, the newest 100 for later viewers', () => {
  let origin: EchoOrigin;
  let app: TestApp;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    // A long flush interval: app.flush() then hands each burst over as one batch.
    app = await startTestApp({ target: origin.url, store: 'memory', flushIntervalMs: 60_000 });
  });
  afterAll(async () => {
    await app.stop();
    await origin.close();
  });

  const burst = async (prefix: string) => {
    for (let i = 0; i < BATCH; i++) await sendRequest(app.proxyPort, { path: `/${prefix}/${i}` });
    await app.flush();
  };

  it('a viewer who connects later gets the newest 100 of an unwatched batch', async () => {
    await burst('unwatched');
    const live = await openLiveStream(app);
    try {
      const paths = entriesOf(live.messages).map((e) => e.path);
      expect(paths).toHaveLength(100);
      expect(new Set(paths)).toEqual(
        new Set(Array.from({ length: 100 }, (_, i) => `/unwatched/${BATCH - 100 + i}`)),
      );
    } finally {
      live.close();
    }
  });

  it('a connected viewer gets every entry of a large batch', async () => {
    const live = await openLiveStream(app);
    try {
      await burst('watched');
      const watched = () =>
        entriesOf(live.messages).filter((e) => e.path.startsWith('/watched/')).length;
      await live.waitFor(() => watched() >= BATCH);
      expect(watched()).toBe(BATCH);
    } finally {
      live.close();
    }
  });
});
