import type { Rng } from '../../../src/core/random.js';

/**
 * Backend delays with exactly the wanted mean and coefficient of variation: mean·(1 ± cv).
 * Each block of `blockSize` consecutive delays holds as many slow as fast ones, in an order
 * shuffled by `rng`. Bounded on purpose: a heavy-tailed draw could cross the detector's
 * threshold by chance. Balanced on purpose: the detector's decaying baseline weighs the last
 * ~50 samples, and a chance run of slow ones would shift it by a fraction of σ, which is the
 * whole margin between a 2.5σ excursion and the 2.2σ threshold of a stable endpoint.
 */
export function createTwoPointDelays(
  rng: Rng,
  meanMs: number,
  cv: number,
  blockSize = 10,
): () => number {
  let block: number[] = [];
  return () => {
    if (block.length === 0) {
      block = Array.from({ length: blockSize }, (_, i) => (i % 2 === 0 ? 1 : -1));
      // Fisher–Yates with the seeded generator.
      for (let i = block.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [block[i], block[j]] = [block[j]!, block[i]!];
      }
    }
    return meanMs * (1 + cv * block.pop()!);
  };
}
