import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { CaptureQueue } from './capture-queue.js';
import type { EngineClient } from './engine-client.js';
import { startFlusher } from './start-flusher.js';

const exchange = (i: number): Exchange => ({
  id: `e-${i}`,
  startedAt: i,
  method: 'GET',
  path: '/items',
  query: '',
  status: 200,
  source: 'mock',
  outcome: 'ok',
  latencyMs: 1,
  requestHeaders: {},
  responseHeaders: {},
  learn: false,
  requestSize: 0,
  responseSize: 10,
});

/** Records what the flusher hands over; a batch stays pending until `ack()`. */
function recordingEngine(inFlight = 0) {
  const batches: { ids: string[]; liveLimit: number | undefined }[] = [];
  let pending = inFlight;
  const engine = {
    submit(exchanges: Exchange[], liveLimit?: number) {
      batches.push({ ids: exchanges.map((e) => e.id), liveLimit });
      pending++;
    },
    pending: () => pending,
  } as unknown as EngineClient;
  return { engine, batches, ack: () => (pending = 0) };
}

function filledQueue(count: number): CaptureQueue {
  const queue = new CaptureQueue(100_000, 1 << 30);
  for (let i = 0; i < count; i++) queue.push(exchange(i));
  return queue;
}

afterEach(() => vi.useRealTimers());

describe('startFlusher', () => {
  it('hands over at most maxPending batches of maxBatch per tick, oldest first, and the rest after acks', () => {
    vi.useFakeTimers();
    const queue = filledQueue(9_500);
    const { engine, batches, ack } = recordingEngine();
    const flusher = startFlusher(queue, engine, { intervalMs: 50, maxBatch: 2000, maxPending: 4 });

    vi.advanceTimersByTime(50);
    expect(batches.map((b) => b.ids.length)).toEqual([2000, 2000, 2000, 2000]);
    expect(queue.length).toBe(1_500);
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(4);

    ack();
    vi.advanceTimersByTime(50);
    expect(batches.map((b) => b.ids.length)).toEqual([2000, 2000, 2000, 2000, 1500]);
    expect(batches.flatMap((b) => b.ids)).toEqual(
      Array.from({ length: 9_500 }, (_, i) => `e-${i}`),
    );
    flusher.stop();
  });

  it('drains everything at once, whatever is pending, and asks for the live limit per batch', () => {
    const queue = filledQueue(2_500);
    // One batch already in flight: a tick would hand over nothing, a drain everything.
    const { engine, batches } = recordingEngine(1);
    let limit: number | undefined = 100;
    const flusher = startFlusher(queue, engine, {
      intervalMs: 60_000,
      maxBatch: 1000,
      maxPending: 1,
      liveLimit: () => limit,
    });
    flusher.drain();
    limit = undefined;
    queue.push(exchange(9));
    flusher.drain();
    expect(batches.map((b) => [b.ids.length, b.liveLimit])).toEqual([
      [1000, 100],
      [1000, 100],
      [500, 100],
      [1, undefined],
    ]);
    expect(queue.length).toBe(0);
    flusher.stop();
  });
});
