import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { createLogger, type LogLevel } from '../logger.js';
import { openMemoryStore } from '../store/memory/memory-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { createEngine } from './create-engine.js';
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
  error instanceof AppError ? { code: error.code, detail: error.detail } : { detail: String((error as Error)?.message ?? error) };

const logger = createLogger(data.logLevel as LogLevel).child({ thread: 'engine' });

async function main(): Promise<void> {
  const store =
    data.store.kind === 'sqlite'
      ? openSqliteStore({ file: data.store.file, trafficLogLimit: data.store.trafficLogLimit })
      : openMemoryStore({ trafficLogLimit: data.store.trafficLogLimit });
  const engine = await createEngine({
    store,
    logger,
    instanceId: data.instanceId,
    captureMaxBytes: data.captureMaxBytes,
    driftWarmup: data.driftWarmup,
    emit: (event) => send({ t: 'event', event }),
  });
  // One chain: batches and calls run in arrival order, so a call sees every earlier batch.
  let chain: Promise<void> = Promise.resolve();
  port!.on('message', (message: ToWorker) => {
    chain = chain.then(async () => {
      switch (message.t) {
        case 'batch':
          try {
            await engine.processBatch(message.exchanges);
            send({ t: 'ack', id: message.id });
          } catch (error) {
            logger.error({ err: error }, 'batch failed; its exchanges are lost');
            send({ t: 'ack', id: message.id, error: serialize(error) });
          }
          return;
        case 'call':
          try {
            const fn = engine.api[message.method] as (...args: unknown[]) => Promise<unknown>;
            send({ t: 'result', id: message.id, value: await fn(...message.args) });
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
