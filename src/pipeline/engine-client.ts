import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Exchange } from '../core/exchange.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EngineEvent } from './create-engine.js';
import type { EngineApi, EngineMethod } from './engine-api.js';
import type { EngineWorkerData, FromWorker, SerializedError, ToWorker } from './engine-protocol.js';
import { toWire } from './exchange-wire.js';

export interface EngineClient {
  readonly api: EngineApi;
  /** Hands a batch to the worker (buffers are transferred, not copied). */
  /** `liveLimit`: how many live entries to send back at most (all when undefined). */
  submit(exchanges: Exchange[], liveLimit?: number): void;
  /** Batches sent but not yet committed. */
  pending(): number;
  /** Resolves once every batch submitted so far is committed (or failed). */
  flush(): Promise<void>;
  on(event: 'event', listener: (event: EngineEvent) => void): void;
  close(): Promise<void>;
  readonly pathState: unknown;
}

function revive(error: SerializedError): Error {
  return error.code ? new AppError(error.code, error.detail) : new Error(error.detail);
}

function transferables(exchanges: Exchange[]): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  for (const e of exchanges) {
    if (e.requestBody) list.push(e.requestBody.bytes.buffer as ArrayBuffer);
    if (e.responseBody) list.push(e.responseBody.bytes.buffer as ArrayBuffer);
  }
  return list;
}

/** Starts the engine worker and resolves once it has opened the store. */
export async function startEngine(data: EngineWorkerData, logger: Logger): Promise<EngineClient> {
  const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { workerData: data });
  const events = new EventEmitter<{ event: [EngineEvent] }>();
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const batches = new Set<number>();
  let flushWaiters: (() => void)[] = [];
  let nextId = 1;
  let closed = false;

  const settleFlush = () => {
    if (batches.size > 0) return;
    const waiters = flushWaiters;
    flushWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const ready = new Promise<unknown>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.t) {
        case 'ready':
          resolve(message.pathState);
          return;
        case 'fatal':
          reject(new Error(`engine failed to start: ${message.detail}`));
          return;
        case 'ack':
          batches.delete(message.id);
          if (message.error)
            logger.error({ detail: message.error.detail }, 'pipeline batch failed');
          settleFlush();
          return;
        case 'result': {
          const pending = waiting.get(message.id);
          waiting.delete(message.id);
          if (message.error) pending?.reject(revive(message.error));
          else pending?.resolve(message.value);
          return;
        }
        case 'event':
          events.emit('event', message.event);
          return;
      }
    });
    worker.once('error', (error) => {
      logger.error({ err: error }, 'engine worker crashed');
      reject(error);
      for (const p of waiting.values())
        p.reject(new AppError('STORE_UNAVAILABLE', 'The engine stopped.'));
      waiting.clear();
      batches.clear();
      settleFlush();
    });
  });

  const post = (message: ToWorker, transfer: ArrayBuffer[] = []) =>
    worker.postMessage(message, transfer);

  const call = (method: EngineMethod | 'close', args: unknown[]): Promise<unknown> => {
    if (closed && method !== 'close')
      return Promise.reject(new AppError('SHUTTING_DOWN', 'The engine is stopping.'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      post(method === 'close' ? { t: 'close', id } : { t: 'call', id, method, args });
    });
  };

  const api = new Proxy({} as EngineApi, {
    get:
      (_target, method: string) =>
      (...args: unknown[]) =>
        call(method as EngineMethod, args),
  });

  const pathState = await ready;
  return {
    api,
    pathState,
    submit(exchanges, liveLimit) {
      if (exchanges.length === 0 || closed) return;
      const id = nextId++;
      batches.add(id);
      post(
        {
          t: 'batch',
          id,
          exchanges: exchanges.map(toWire),
          ...(liveLimit === undefined ? {} : { liveLimit }),
        },
        transferables(exchanges),
      );
    },
    pending: () => batches.size,
    flush: () =>
      batches.size === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => flushWaiters.push(resolve)),
    on: (_event, listener) => events.on('event', listener),
    async close() {
      if (closed) return;
      await new Promise<void>((resolve) =>
        batches.size === 0 ? resolve() : flushWaiters.push(resolve),
      );
      closed = true;
      await call('close', []);
      await worker.terminate();
    },
  };
}
