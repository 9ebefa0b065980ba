import { describe, expect, it } from 'vitest';
import type { DriftChange, DriftSeverity } from './drift-change.js';
import { scoreDrift } from './score-drift.js';

/** `b` breaking, `w` warning and `i` info changes. */
function changes(b: number, w: number, i: number): DriftChange[] {
  const make = (severity: DriftSeverity, n: number): DriftChange[] =>
    Array.from({ length: n }, (_, k) => ({
      kind:
        severity === 'BREAKING'
          ? 'field_removed'
          : severity === 'WARNING'
            ? 'became_null'
            : 'field_added',
      severity,
      path: `$.f${k}`,
      field: `f${k}`,
      expected: 'string',
      actual: 'absent',
    }));
  return [...make('BREAKING', b), ...make('WARNING', w), ...make('INFO', i)];
}

describe('scoreDrift', () => {
  it.each<[number, number, number, number]>([
    [0, 0, 0, 0],
    [0, 0, 1, 2],
    [0, 0, 5, 10],
    [0, 0, 40, 10],
    [0, 1, 0, 10],
    [0, 2, 3, 26],
    [0, 4, 0, 40],
    [0, 9, 9, 49],
    [1, 0, 0, 50],
    [1, 0, 1, 51],
    [1, 1, 0, 55],
    [2, 1, 1, 66],
    [3, 0, 0, 70],
    [6, 0, 0, 100],
    [20, 5, 5, 100],
  ])('%i breaking, %i warnings, %i infos → %i', (b, w, i, score) => {
    expect(scoreDrift(changes(b, w, i))).toBe(score);
  });

  it('scores any breaking change at least 50 and anything else below', () => {
    for (let w = 0; w < 30; w++) {
      for (let i = 0; i < 30; i++) {
        expect(scoreDrift(changes(1, w, i))).toBeGreaterThanOrEqual(50);
        expect(scoreDrift(changes(0, w, i))).toBeLessThan(50);
      }
    }
  });
});
