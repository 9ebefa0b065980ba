import { compareExamples } from './compare-examples.js';
import { EXAMPLES_PER_STATUS, type RecordedExample } from './endpoint-model.js';

/**
 * Inserts an example into a list kept sorted oldest first (mutating), then drops the oldest
 * beyond EXAMPLES_PER_STATUS: the list always holds the newest examples seen.
 */
export function addExample(list: RecordedExample[], example: RecordedExample): void {
  let at = list.length;
  while (at > 0 && compareExamples(list[at - 1] as RecordedExample, example) > 0) at--;
  list.splice(at, 0, example);
  if (list.length > EXAMPLES_PER_STATUS) list.splice(0, list.length - EXAMPLES_PER_STATUS);
}
