import { createMoments } from './create-moments.js';
import { createSketch } from './create-sketch.js';
import type { EndpointModel, RecordedExample, ResponseModel } from './endpoint-model.js';

/** An endpoint model that has seen nothing yet; firstSeen/lastSeen read 0 until it does. */
export function createEndpointModel(
  method: string,
  template: string,
  manual = false,
): EndpointModel {
  return {
    method,
    template,
    requestContentTypes: Object.create(null) as Record<string, number>,
    responses: Object.create(null) as Record<string, ResponseModel>,
    stats: {
      requestCount: 0,
      statusCounts: Object.create(null) as Record<string, number>,
      sourceCounts: Object.create(null) as Record<string, number>,
      latency: createMoments(),
      latencySketch: createSketch(),
      responseSize: createMoments(),
      firstSeen: 0,
      lastSeen: 0,
      series: [],
    },
    examples: Object.create(null) as Record<string, RecordedExample[]>,
    overrides: [],
    manual,
  };
}
