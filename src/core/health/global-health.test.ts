import { describe, expect, it } from 'vitest';
import type { Anomaly } from './anomaly.js';
import { createHealthState } from './create-health-state.js';
import { globalHealth } from './global-health.js';
import { scoreHealth, type HealthSnapshot } from './score-health.js';

const NOW = 1_000_000;

function createSnapshot(
  active: Pick<Anomaly, 'type' | 'severity'>[],
  drift: boolean,
): HealthSnapshot {
  const state = createHealthState();
  state.active = active.map((a) => ({
    ...a,
    message: a.type,
    detectedAt: NOW,
    lastSeenAt: NOW,
    expiresAt: NOW + 1,
    occurrences: 1,
  }));
  return scoreHealth(state, NOW, drift);
}

describe('globalHealth', () => {
  it('blends 70 % of the average with 30 % of the worst endpoint', () => {
    const critical = createSnapshot(
      [
        { type: 'error_spike', severity: 'high' },
        { type: 'latency_spike', severity: 'high' },
      ],
      true,
    );
    const healthy = [
      createSnapshot([], false),
      createSnapshot([], false),
      createSnapshot([{ type: 'latency_spike', severity: 'medium' }], false),
    ];

    const global = globalHealth([critical, ...healthy]);

    expect([critical.status, ...healthy.map((s) => s.status)]).toEqual([
      'CRITICAL',
      'HEALTHY',
      'HEALTHY',
      'HEALTHY',
    ]);
    // 0.7 · (20 + 100 + 100 + 85) / 4 + 0.3 · 20 = 53.375 + 6
    expect(global).toEqual({
      score: 59.4,
      status: 'DEGRADED',
      monitoredEndpoints: 4,
      activeAnomalies: 4,
    });
  });

  it('is 100 and HEALTHY with no endpoints', () => {
    expect(globalHealth([])).toEqual({
      score: 100,
      status: 'HEALTHY',
      monitoredEndpoints: 0,
      activeAnomalies: 0,
    });
  });

  it('equals the endpoint score for a single endpoint', () => {
    const only = createSnapshot([{ type: 'size_drift', severity: 'medium' }], false);

    expect(globalHealth([only])).toMatchObject({
      score: 90,
      status: 'HEALTHY',
      activeAnomalies: 1,
    });
  });
});
