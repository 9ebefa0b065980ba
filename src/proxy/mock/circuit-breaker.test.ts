import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

type Step =
  | ['fail' | 'succeed' | 'reset']
  | ['wait', number]
  /** `allow()` must answer this. */
  | ['allow', boolean];

/** Runs a script against a breaker (threshold 3, cooldown 1000 ms) on a fake clock. */
function run(steps: Step[]): void {
  let now = 0;
  const breaker = new CircuitBreaker(3, 1000, () => now);
  steps.forEach((step, i) => {
    if (step[0] === 'fail') breaker.failure();
    else if (step[0] === 'succeed') breaker.success();
    else if (step[0] === 'reset') breaker.reset();
    else if (step[0] === 'wait') now += step[1];
    else expect({ step: i, allowed: breaker.allow() }).toEqual({ step: i, allowed: step[1] });
  });
}

describe('CircuitBreaker', () => {
  it.each<[string, Step[]]>([
    ['stays closed below the threshold', [['fail'], ['fail'], ['allow', true], ['allow', true]]],
    ['opens at the threshold', [['fail'], ['fail'], ['fail'], ['allow', false]]],
    [
      'a success in between resets the count',
      [['fail'], ['fail'], ['succeed'], ['fail'], ['fail'], ['allow', true]],
    ],
    [
      'lets one probe through per cooldown',
      [['fail'], ['fail'], ['fail'], ['wait', 1000], ['allow', true], ['allow', false]],
    ],
    [
      'a failed probe keeps it open for another cooldown',
      [
        ...Array.from({ length: 3 }, (): Step => ['fail']),
        ['wait', 1000],
        ['allow', true],
        ['fail'],
        ['wait', 999],
        ['allow', false],
        ['wait', 1],
        ['allow', true],
      ],
    ],
    [
      'a successful probe closes it',
      [
        ['fail'],
        ['fail'],
        ['fail'],
        ['wait', 1000],
        ['allow', true],
        ['succeed'],
        ['allow', true],
        ['allow', true],
      ],
    ],
    [
      'a probe that never reports back costs one cooldown only',
      [
        ['fail'],
        ['fail'],
        ['fail'],
        ['wait', 1000],
        ['allow', true],
        ['wait', 500],
        ['allow', false],
        ['wait', 500],
        ['allow', true],
      ],
    ],
    ['reset closes it at once', [['fail'], ['fail'], ['fail'], ['reset'], ['allow', true]]],
  ])('%s', (_name, steps) => run(steps));
});
