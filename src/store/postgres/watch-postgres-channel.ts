import pg from 'pg';
import { escapeIdentifier } from 'pg';
import type { Logger } from '../../logger.js';
import { backoffMs } from './create-transaction-runner.js';

export interface ChannelWatcherOptions {
  connectionString: string;
  channel: string;
  onPayload: (payload: string) => void;
  /**
   * Called each time the LISTEN connection is (re-)established: anything committed while
   * it was down, or before it first came up, was not notified and must be re-read.
   */
  onListening: () => void;
  logger?: Logger;
}

export interface ChannelWatcher {
  /** Whether the LISTEN connection is up. */
  connected(): boolean;
  close(): Promise<void>;
}

/**
 * LISTENs on `channel` over one dedicated connection (a pooled one would be handed to other
 * queries) and re-establishes it with backoff whenever it drops.
 */
export function watchPostgresChannel(options: ChannelWatcherOptions): ChannelWatcher {
  let client: pg.Client | undefined;
  let up = false;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, backoffMs(failures++));
  };

  const drop = (current: pg.Client, error?: Error) => {
    if (client !== current) return;
    client = undefined;
    if (up && error) options.logger?.warn({ err: error }, 'team change feed lost; reconnecting');
    up = false;
    current.removeAllListeners('notification');
    void current.end().catch(() => undefined);
    schedule();
  };

  const connect = async () => {
    const current = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    client = current;
    current.on('error', (error) => drop(current, error));
    current.on('end', () => drop(current));
    current.on('notification', (message) => {
      if (message.channel === options.channel && message.payload !== undefined)
        options.onPayload(message.payload);
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${escapeIdentifier(options.channel)}`);
    } catch (error) {
      drop(current, error as Error);
      return;
    }
    if (closed) {
      await current.end().catch(() => undefined);
      return;
    }
    up = true;
    failures = 0;
    options.onListening();
  };

  void connect();
  return {
    connected: () => up,
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      up = false;
      await current?.end().catch(() => undefined);
    },
  };
}
