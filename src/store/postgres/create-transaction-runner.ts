import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { AppError } from '../../errors.js';
import type { StoreStatus } from '../store.js';

export interface TransactionRunnerOptions {
  pool: Pool;
  /**
   * How long writes keep retrying (with backoff) into an outage, counted from its start: a
   * write made later in a long outage tries once, so shutting down never waits for long.
   */
  writeRetryMs: number;
  now: () => number;
  /** Called once when the database becomes unreachable, and once when it is back. */
  onOutage?: (error: Error) => void;
  onRecovered?: (downMs: number) => void;
}

export interface TransactionRunner {
  /**
   * Runs `work` inside BEGIN/COMMIT. Serialization failures and deadlocks (40001, 40P01)
   * are retried at once; an unreachable database is retried with backoff until the outage
   * is writeRetryMs old, then the write fails with STORE_UNAVAILABLE. `work` must be safe
   * to re-run.
   */
  write<T>(work: (client: PoolClient) => Promise<T>): Promise<T>;
  /** One statement, no retry: reads fail fast with STORE_UNAVAILABLE during an outage. */
  read<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  status(): StoreStatus;
  /** Stops every retry loop (they fail with SHUTTING_DOWN). */
  close(): void;
}

const CONFLICT_CODES = new Set(['40001', '40P01']);
const MAX_CONFLICT_ATTEMPTS = 10;
const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 5000;
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** Whether an error means "the database cannot be reached" rather than "the SQL failed". */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; severity?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (e.code.startsWith('08') || CONNECTION_CODES.has(e.code)))
    return true;
  // pg reports lost sockets and its own timeouts as plain Errors (no SQLSTATE, no severity).
  return (
    e.severity === undefined &&
    typeof e.message === 'string' &&
    /connection|terminated|timeout|not queryable/i.test(e.message)
  );
}

/** Exponential backoff with ±20 % jitter, so instances that lost the database together do not retry in lockstep. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Transactions with conflict retry and outage retry, plus the reachability it observed. */
export function createTransactionRunner(options: TransactionRunnerOptions): TransactionRunner {
  const { pool, now } = options;
  let downSince: number | null = null;
  let lastError = '';
  let waiting = 0;
  let failed = 0;
  let closed = false;
  const sleepers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  const markDown = (error: Error) => {
    lastError = error.message;
    if (downSince !== null) return;
    downSince = now();
    options.onOutage?.(error);
  };
  const markUp = () => {
    if (downSince === null) return;
    const downMs = now() - downSince;
    downSince = null;
    options.onRecovered?.(downMs);
  };
  const unavailable = (error: unknown) =>
    new AppError('STORE_UNAVAILABLE', `The database is unreachable: ${(error as Error).message}`);

  const attempt = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // pg re-emits a dead socket's error on a checked-out client after failing its query; the
    // query's rejection is what we act on, and an unheard 'error' event would crash the process.
    const ignore = () => undefined;
    client.on('error', ignore);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      if (isConnectionError(error)) {
        // A broken connection must not go back to the pool.
        client.release(error as Error);
      } else {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
      throw error;
    } finally {
      client.off('error', ignore);
    }
  };

  const retry = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    let conflicts = 0;
    let outages = 0;
    let waited = false;
    try {
      for (;;) {
        if (closed) throw new AppError('SHUTTING_DOWN', 'The store is closing.');
        try {
          const result = await attempt(work);
          markUp();
          return result;
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          if (CONFLICT_CODES.has(code) && ++conflicts < MAX_CONFLICT_ATTEMPTS) {
            await sleep(Math.round(Math.random() * 10 * conflicts));
            continue;
          }
          if (!isConnectionError(error)) throw error;
          markDown(error as Error);
          if (now() - (downSince ?? now()) >= options.writeRetryMs) {
            failed++;
            throw unavailable(error);
          }
          if (!waited) {
            waited = true;
            waiting++;
          }
          await sleep(backoffMs(outages++));
        }
      }
    } finally {
      if (waited) waiting--;
    }
  };

  return {
    write: retry,
    async read<R extends QueryResultRow>(sql: string, params: unknown[] = []) {
      try {
        const result = await pool.query<R>(sql, params);
        markUp();
        return result.rows;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        markDown(error as Error);
        throw unavailable(error);
      }
    },
    status: () => ({
      degraded:
        downSince === null
          ? null
          : `database unreachable since ${new Date(downSince).toISOString()}: ${lastError}`,
      waitingWrites: waiting,
      failedWrites: failed,
    }),
    close() {
      closed = true;
      for (const wake of [...sleepers]) wake();
    },
  };
}
