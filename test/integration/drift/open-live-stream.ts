import WebSocket from 'ws';
import type { LiveMessage } from '../../../src/contract/live-messages.js';
import type { TestApp } from '../../helpers/start-test-app.js';

export interface LiveStream {
  /** Every message received so far, in order. */
  messages: LiveMessage[];
  /** The first message (received already or later) that `match` accepts; rejects after `timeoutMs`. */
  waitFor(match: (message: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  close(): void;
}

/**
 * Opens the live stream as the dashboard does: a single-use ticket from POST /admin/ws-ticket
 * (bearer token), then ws://…/admin/ws?ticket=…. Resolves once the `initial` message arrived.
 */
export async function openLiveStream(app: TestApp): Promise<LiveStream> {
  const answer = await app.admin('/admin/ws-ticket', { method: 'POST' });
  if (answer.status !== 200) throw new Error(`ws-ticket: ${answer.status}`);
  const { ticket } = (await answer.json()) as { ticket: string };
  const socket = new WebSocket(
    `${app.adminUrl.replace(/^http/, 'ws')}/admin/ws?ticket=${encodeURIComponent(ticket)}`,
  );
  const messages: LiveMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString()) as LiveMessage);
    for (const wake of waiters) wake();
  });
  const stream: LiveStream = {
    messages,
    waitFor: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching live message among ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  await stream.waitFor((m) => m.type === 'initial');
  return stream;
}
