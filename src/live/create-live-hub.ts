import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GlobalHealth, LiveEntry, LiveMessage } from '../contract/live-messages.js';
import type { Logger } from '../logger.js';

/** Entries a client gets when it connects (the hub's default `recentLimit`). */
export const LIVE_RECENT_ENTRIES = 100;

export interface LiveHubOptions {
  logger: Logger;
  /** Decides whether an upgrade request may open the stream (ticket, cookie, bearer, Origin). */
  authorize: (
    req: IncomingMessage,
  ) => Promise<{ ok: true; expiresAt?: number } | { ok: false; status: number }>;
  /** Entries kept for clients that connect later. */
  recentLimit?: number;
  /** Most often a client gets a message (entries are batched in between). */
  batchIntervalMs?: number;
  /** A client with more unsent bytes than this is skipped ahead (told, not waited for). */
  maxBufferedBytes?: number;
  now?: () => number;
}

export interface LiveHub {
  publishEntries(entries: LiveEntry[]): void;
  publish(message: LiveMessage): void;
  setHealth(health: GlobalHealth): void;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  clientCount(): number;
  close(): void;
}

/**
 * Fan-out of the live transaction stream. Entries are batched (at most one message per
 * batch interval), every client has a buffer limit, and a slow client is skipped ahead rather
 * than slowing anyone else — least of all the proxy, which never calls into this directly.
 */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const recentLimit = options.recentLimit ?? LIVE_RECENT_ENTRIES;
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const now = options.now ?? Date.now;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const recent: LiveEntry[] = [];
  let pending: LiveEntry[] = [];
  let health: GlobalHealth | null = null;
  const expiry = new Map<WebSocket, number>();

  const send = (client: WebSocket, message: LiveMessage) => {
    if (client.readyState !== client.OPEN) return;
    if (client.bufferedAmount > maxBuffered) {
      // The browser is not keeping up: drop this message and tell it how much it missed.
      const dropped = message.type === 'entries' ? message.entries.length : 1;
      if (client.bufferedAmount > maxBuffered * 4) client.close(1013, 'too slow');
      else
        client.send(
          JSON.stringify({
            type: 'skipped',
            dropped,
            reason: 'client too slow',
          } satisfies LiveMessage),
        );
      return;
    }
    client.send(JSON.stringify(message));
  };
  const broadcast = (message: LiveMessage) => {
    for (const client of wss.clients) send(client, message);
  };

  const timer = setInterval(() => {
    const at = now();
    for (const [client, expiresAt] of expiry) {
      if (expiresAt <= at) client.close(1008, 'session expired');
    }
    if (pending.length === 0) return;
    const entries = pending;
    pending = [];
    broadcast({ type: 'entries', entries });
  }, options.batchIntervalMs ?? 100);
  timer.unref();

  wss.on('connection', (client: WebSocket) => {
    client.on('error', () => client.terminate());
    client.on('close', () => expiry.delete(client));
    // `initial` already holds the entries still pending: the others get them now, so the new
    // client never sees them twice.
    if (pending.length > 0) {
      const entries = pending;
      pending = [];
      for (const other of wss.clients)
        if (other !== client) send(other, { type: 'entries', entries });
    }
    send(client, { type: 'initial', entries: [...recent].reverse(), health });
  });

  return {
    publishEntries(entries) {
      for (const entry of entries) {
        recent.push(entry);
        if (recent.length > recentLimit) recent.shift();
      }
      // Nobody to send them to: a viewer who connects later gets `recent` instead.
      if (wss.clients.size > 0) pending.push(...entries);
      if (pending.length > recentLimit * 10) pending = pending.slice(-recentLimit * 10);
    },
    publish: broadcast,
    setHealth(next) {
      if (health && health.score === next.score && health.activeAnomalies === next.activeAnomalies)
        return;
      health = next;
      broadcast({ type: 'health', health: next });
    },
    handleUpgrade(req, socket, head) {
      options
        .authorize(req)
        .then((result) => {
          if (!result.ok) {
            const text = result.status === 403 ? 'Forbidden' : 'Unauthorized';
            socket.end(
              `HTTP/1.1 ${result.status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
            );
            return;
          }
          wss.handleUpgrade(req, socket, head, (client) => {
            if (result.expiresAt !== undefined) expiry.set(client, result.expiresAt);
            wss.emit('connection', client, req);
          });
        })
        .catch((error: unknown) => {
          options.logger.error({ err: error }, 'live stream authorisation failed');
          socket.destroy();
        });
    },
    clientCount: () => wss.clients.size,
    close() {
      clearInterval(timer);
      for (const client of wss.clients) client.close(1001, 'shutting down');
      wss.close();
    },
  };
}
