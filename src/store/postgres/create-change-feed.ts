import type { PoolClient } from 'pg';
import type { Logger } from '../../logger.js';
import type { StoreChange, TrafficRow } from '../store.js';
import { decodeNotice, encodeNotice, type PostgresNotice } from './postgres-notice.js';
import { watchPostgresChannel, type ChannelWatcher } from './watch-postgres-channel.js';

export interface ChangeFeedOptions {
  connectionString: string;
  schema: string;
  /** This instance's id: its own notices are not reported back to it. */
  instance: string;
  /** Reads the traffic rows a notice announces (another instance's, between two ids). */
  readTraffic: (from: number, to: number, writer: string) => Promise<TrafficRow[]>;
  logger?: Logger;
}

export interface ChangeFeed {
  /** Announces a write; call inside its transaction, so the notice goes out only on commit. */
  notify(client: PoolClient, notice: Omit<PostgresNotice, 'i'>): Promise<void>;
  /** Starts listening on first use; see Store.watch. */
  watch(onChange: (change: StoreChange) => void): () => void;
  /** Why the feed is not delivering (listening connection lost), else null. */
  degraded(): string | null;
  close(): Promise<void>;
}

/**
 * Team mode's change feed over LISTEN/NOTIFY, one channel per schema (so projects or test
 * suites sharing a database do not hear each other).
 */
export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const { instance } = options;
  const channel = options.schema === 'public' ? 'adaptive_mock' : `adaptive_mock_${options.schema}`;
  const listeners = new Set<(change: StoreChange) => void>();
  let watcher: ChannelWatcher | undefined;
  let listenedBefore = false;
  // Notices are handled one at a time so a listener sees changes in commit order.
  let delivery: Promise<void> = Promise.resolve();

  const emit = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };
  const deliver = async (notice: PostgresNotice) => {
    const from = notice.i;
    if (notice.s) emit({ kind: 'settings', instance: from, keys: notice.s });
    if (notice.e || notice.r)
      emit({ kind: 'endpoints', instance: from, ids: notice.e ?? [], removed: notice.r ?? [] });
    if (notice.t)
      emit({
        kind: 'traffic',
        instance: from,
        rows: await options.readTraffic(notice.t[0], notice.t[1], from),
      });
  };
  const onPayload = (payload: string) => {
    const notice = decodeNotice(payload);
    if (!notice || notice.i === instance) return;
    delivery = delivery
      .then(() => deliver(notice))
      .catch((error: unknown) =>
        options.logger?.warn({ err: error }, 'could not read a team change'),
      );
  };

  return {
    async notify(client, notice) {
      for (const payload of encodeNotice({ i: instance, ...notice })) {
        await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
      }
    },
    watch(onChange) {
      listeners.add(onChange);
      watcher ??= watchPostgresChannel({
        connectionString: options.connectionString,
        channel,
        onPayload,
        // Only after a reconnect: at the first LISTEN the caller has just read everything itself.
        onListening: () => {
          if (listenedBefore) emit({ kind: 'resync', instance });
          listenedBefore = true;
        },
        ...(options.logger ? { logger: options.logger } : {}),
      });
      return () => listeners.delete(onChange);
    },
    degraded: () =>
      !watcher || watcher.connected() ? null : 'team change feed disconnected (reconnecting)',
    async close() {
      listeners.clear();
      await watcher?.close();
      await delivery;
    },
  };
}
