import { createSketch } from './create-sketch.js';
import type { TimeBucket } from './endpoint-model.js';

/** Width of a series bucket. */
export const BUCKET_MS = 60_000;

/** An empty series bucket for the minute starting at `start` (epoch ms). */
export function createTimeBucket(start: number): TimeBucket {
  return {
    start,
    count: 0,
    errorCount: 0,
    latency: createSketch(),
    statusCounts: Object.create(null) as Record<string, number>,
  };
}
