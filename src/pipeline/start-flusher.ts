import type { CaptureQueue } from './capture-queue.js';
import type { EngineClient } from './engine-client.js';

export interface FlusherOptions {
  intervalMs: number;
  /** Largest batch handed over at once (one store transaction). */
  maxBatch: number;
  /** Batches allowed in flight; beyond that exchanges wait (and drop) in the bounded queue. */
  maxPending: number;
  /**
   * Live entries wanted back per batch (undefined: all). With nobody watching the stream only
   * the newest few are kept for the next viewer, and both threads skip copying the rest.
   */
  liveLimit?: () => number | undefined;
}

export interface Flusher {
  /** Hands over everything queued now. */
  drain(): void;
  stop(): void;
}

/**
 * Moves captured exchanges from the bounded queue to the engine on a short timer. The
 * timer is the only coupling between the hot path and the pipeline: the proxy pushes,
 * this pulls, and a slow engine only makes the queue fill up and drop (counted).
 */
export function startFlusher(
  queue: CaptureQueue,
  engine: EngineClient,
  options: FlusherOptions,
): Flusher {
  const tick = () => {
    while (queue.length > 0 && engine.pending() < options.maxPending) {
      engine.submit(queue.take(options.maxBatch), options.liveLimit?.());
    }
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    drain() {
      while (queue.length > 0) engine.submit(queue.take(options.maxBatch), options.liveLimit?.());
    },
    stop: () => clearInterval(timer),
  };
}
