import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { createLogger, type LogLevel } from '../logger.js';
import { openMemoryStore } from '../store/memory/memory-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/store.js';
import { createEngine } from './create-engine.js';
import { fromWire } from './exchange-wire.js';
import { lowerThreadPriority } from './lower-thread-priority.js';
import { followStoreChanges } from './follow-store-changes.js';
import type { EngineWorkerData, FromWorker, SerializedError, ToWorker } from './engine-protocol.js';

/**
 * Entry point of the engine worker thread: it owns the store connection and the pipeline,
 * so synchronous SQLite work and CPU-heavy learning never block the proxy's event loop.
 */
const data = workerData as EngineWorkerData;
const port = parentPort;
if (!port) throw new Error('engine-worker must run as a worker thread');

const send = (message: FromWorker) => port.postMessage(message);
const serialize = (error: unknown): SerializedError =>
  error instanceof AppError
    ? { code: error.code, detail: error.detail }
    : { detail: String((error as Error)?.message ?? error) };

const logger = createLogger(data.logLevel as LogLevel).child({ thread: 'engine' });

function openStore(spec: EngineWorkerData['store']): Promise<Store> {
  switch (spec.kind) {
    case 'sqlite':
      return Promise.resolve(
        openSqliteStore({ file: spec.file, trafficLogLimit: spec.trafficLogLimit }),
      );
    case 'memory':
      return Promise.resolve(openMemoryStore({ trafficLogLimit: spec.trafficLogLimit }));
    case 'postgres':
      return openPostgresStore({
        url: spec.url,
        trafficLogLimit: spec.trafficLogLimit,
        instanceId: data.instanceId,
        logger,
      });
  }
}

async function main(): Promise<void> {
  if (lowerThreadPriority(data.engineNice))
    logger.debug({ nice: data.engineNice }, 'learning thread runs at a lower priority');
  const store = await openStore(data.store);
  const engine = await createEngine({
    store,
    logger,
    instanceId: data.instanceId,
    captureMaxBytes: data.captureMaxBytes,
    driftWarmup: data.driftWarmup,
    healthWindowMs: data.healthWindowMs,
    health: data.health,
    emit: (event) => send({ t: 'event', event }),
  });
  // One chain: batches and calls run in arrival order, so a call sees every earlier batch.
  let chain: Promise<void> = Promise.resolve();
  // Team mode: other instances' changes join the same chain, so they never interleave with a batch.
  followStoreChanges({
    store,
    engine,
    enqueue: (task) => {
      chain = chain.then(task);
    },
    emit: (event) => send({ t: 'event', event }),
    logger,
  });
  port!.on('message', (message: ToWorker) => {
    // Stats are a snapshot: answered at once, so they can report a store outage that is
    // holding the chain up (a batch waiting for the database).
    if (message.t === 'call' && message.method === 'stats') {
      void engine.api.stats().then((value) => send({ t: 'result', id: message.id, value }));
      return;
    }
    chain = chain.then(async () => {
      switch (message.t) {
        case 'batch':
          try {
            await engine.processBatch(message.exchanges.map(fromWire), message.liveLimit);
            send({ t: 'ack', id: message.id });
          } catch (error) {
            logger.error(
              { err: error, exchanges: message.exchanges.length },
              'batch failed; its exchanges are lost',
            );
            send({ t: 'ack', id: message.id, error: serialize(error) });
          }
          return;
        case 'call':
          try {
            const api = engine.api as unknown as Record<
              string,
              (...args: unknown[]) => Promise<unknown>
            >;
            send({
              t: 'result',
              id: message.id,
              value: await api[message.method]!(...message.args),
            });
          } catch (error) {
            send({ t: 'result', id: message.id, error: serialize(error) });
          }
          return;
        case 'close':
          await engine.close();
          send({ t: 'result', id: message.id });
          port!.close();
          return;
      }
    });
  });
  send({ t: 'ready', pathState: engine.pathState() });
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'engine failed to start');
  send({ t: 'fatal', detail: serialize(error).detail });
});
