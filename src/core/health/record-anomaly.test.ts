import { describe, expect, it } from 'vitest';
import type { Anomaly, Finding } from './anomaly.js';
import { recordAnomaly } from './record-anomaly.js';

const WINDOW = 60_000;
const medium: Finding = { type: 'latency_spike', severity: 'medium', message: 'm', zScore: 3 };
const high: Finding = { type: 'latency_spike', severity: 'high', message: 'h', zScore: 9 };

describe('recordAnomaly', () => {
  it('opens an episode on the first occurrence', () => {
    const active: Anomaly[] = [];

    const opened = recordAnomaly(active, medium, 1000, WINDOW);

    expect(opened).toEqual({
      ...medium,
      detectedAt: 1000,
      lastSeenAt: 1000,
      expiresAt: 61_000,
      occurrences: 1,
    });
    expect(active).toEqual([opened]);
  });

  it.each([
    { first: medium, then: high, severity: 'high', message: 'h' },
    { first: high, then: medium, severity: 'high', message: 'm' },
    { first: medium, then: medium, severity: 'medium', message: 'm' },
  ])(
    '$first.severity then $then.severity → an episode of $severity described by the latest',
    ({ first, then, severity, message }) => {
      const active: Anomaly[] = [];
      recordAnomaly(active, first, 1000, WINDOW);

      const extended = recordAnomaly(active, then, 5000, WINDOW);

      expect(extended).toMatchObject({
        severity,
        message,
        detectedAt: 1000,
        lastSeenAt: 5000,
        expiresAt: 65_000,
        occurrences: 2,
      });
      expect(active).toHaveLength(1);
    },
  );

  it('keeps one episode per type', () => {
    const active: Anomaly[] = [];
    recordAnomaly(active, medium, 1000, WINDOW);
    recordAnomaly(active, { type: 'size_drift', severity: 'medium', message: 's' }, 1000, WINDOW);

    expect(active.map((a) => a.type)).toEqual(['latency_spike', 'size_drift']);
  });

  it('never moves an episode back in time on a late occurrence', () => {
    const active: Anomaly[] = [];
    recordAnomaly(active, medium, 10_000, WINDOW);

    const extended = recordAnomaly(active, medium, 2000, WINDOW);

    expect(extended).toMatchObject({ lastSeenAt: 10_000, expiresAt: 70_000, occurrences: 2 });
  });
});
