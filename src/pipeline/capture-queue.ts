import type { Exchange } from '../core/exchange.js';

export interface CaptureQueueStats {
  queued: number;
  queuedBytes: number;
  enqueued: number;
  dropped: number;
  capacity: number;
}

/**
 * The bounded hand-off between the hot path and the background pipeline. `push` never
 * blocks and never throws: when the queue is full (by count or by captured bytes) the new
 * exchange is dropped and counted, so a slow store can never slow the proxy down.
 */
export class CaptureQueue {
  private items: Exchange[] = [];
  private bytes = 0;
  private enqueued = 0;
  private dropped = 0;
  private readonly onDrop: ((total: number) => void) | undefined;

  constructor(
    private readonly capacity: number,
    private readonly maxBytes: number,
    onDrop?: (total: number) => void,
  ) {
    this.onDrop = onDrop;
  }

  push(exchange: Exchange): boolean {
    const size =
      (exchange.requestBody?.bytes.byteLength ?? 0) +
      (exchange.responseBody?.bytes.byteLength ?? 0);
    if (this.items.length >= this.capacity || this.bytes + size > this.maxBytes) {
      this.dropped++;
      this.onDrop?.(this.dropped);
      return false;
    }
    this.items.push(exchange);
    this.bytes += size;
    this.enqueued++;
    return true;
  }

  /** Removes and returns up to `max` exchanges, oldest first. */
  take(max: number): Exchange[] {
    const taken = this.items.length <= max ? this.items : this.items.slice(0, max);
    this.items = taken === this.items ? [] : this.items.slice(max);
    for (const e of taken) {
      this.bytes -=
        (e.requestBody?.bytes.byteLength ?? 0) + (e.responseBody?.bytes.byteLength ?? 0);
    }
    return taken;
  }

  get length(): number {
    return this.items.length;
  }

  stats(): CaptureQueueStats {
    return {
      queued: this.items.length,
      queuedBytes: this.bytes,
      enqueued: this.enqueued,
      dropped: this.dropped,
      capacity: this.capacity,
    };
  }
}
