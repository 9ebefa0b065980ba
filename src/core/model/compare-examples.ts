import type { RecordedExample } from './endpoint-model.js';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Total order of examples, oldest first: recordedAt, then path, then query, then the whole
 * example as JSON. Being total, it makes "the newest N" one set whatever the arrival or
 * merge order.
 */
export function compareExamples(a: RecordedExample, b: RecordedExample): number {
  return (
    a.recordedAt - b.recordedAt ||
    compareText(a.path, b.path) ||
    compareText(a.query, b.query) ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}
