import { compareExamples } from './compare-examples.js';
import { EXAMPLES_PER_STATUS, type RecordedExample } from './endpoint-model.js';
import { readOwn } from './read-own.js';
import { unionKeys } from './union-keys.js';

type ExamplesByStatus = Record<string, RecordedExample[]>;

/**
 * Per status, the newest EXAMPLES_PER_STATUS of both inputs' examples, oldest first (pure:
 * new lists; the examples themselves are immutable records and are shared).
 */
export function mergeExamples(a: ExamplesByStatus, b: ExamplesByStatus): ExamplesByStatus {
  const merged = Object.create(null) as ExamplesByStatus;
  for (const status of unionKeys(a, b)) {
    const union = [...(readOwn(a, status) ?? []), ...(readOwn(b, status) ?? [])];
    merged[status] = union.sort(compareExamples).slice(-EXAMPLES_PER_STATUS);
  }
  return merged;
}
