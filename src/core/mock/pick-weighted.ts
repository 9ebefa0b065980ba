import type { Faker } from '@faker-js/faker';

/**
 * Picks one item with probability proportional to its weight (learned counts), so mocks
 * reproduce observed frequencies. Non-positive weights are never picked; the list must
 * hold at least one positive weight.
 */
export function pickWeighted<T>(items: readonly (readonly [T, number])[], faker: Faker): T {
  const total = items.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
  let ticket = faker.number.float({ min: 0, max: total });
  let last: T | undefined;
  for (const [item, weight] of items) {
    if (weight <= 0) continue;
    last = item;
    ticket -= weight;
    if (ticket < 0) return item;
  }
  if (last === undefined) throw new RangeError('pickWeighted() needs a positive weight');
  return last;
}
