import { describe, expect, it } from 'vitest';
import type { Anomaly, AnomalySeverity, AnomalyType } from './anomaly.js';
import { createHealthState } from './create-health-state.js';
import type { HealthState } from './health-state.js';
import { scoreHealth } from './score-health.js';

const NOW = 1_000_000;

function createAnomaly(type: AnomalyType, severity: AnomalySeverity, expiresAt = NOW + 1): Anomaly {
  return { type, severity, message: type, detectedAt: 0, lastSeenAt: 0, expiresAt, occurrences: 1 };
}

function createState(active: Anomaly[]): HealthState {
  return { ...createHealthState(), observations: 42, active };
}

describe('scoreHealth', () => {
  it.each([
    { active: [], drift: false, score: 100, status: 'HEALTHY' },
    {
      active: [createAnomaly('latency_spike', 'medium')],
      drift: false,
      score: 85,
      status: 'HEALTHY',
    },
    {
      active: [createAnomaly('latency_spike', 'high')],
      drift: false,
      score: 77.5,
      status: 'DEGRADED',
    },
    {
      active: [createAnomaly('error_spike', 'medium')],
      drift: false,
      score: 75,
      status: 'DEGRADED',
    },
    {
      active: [createAnomaly('error_spike', 'high')],
      drift: false,
      score: 62.5,
      status: 'DEGRADED',
    },
    { active: [createAnomaly('size_drift', 'medium')], drift: false, score: 90, status: 'HEALTHY' },
    { active: [createAnomaly('size_drift', 'high')], drift: false, score: 90, status: 'HEALTHY' },
    { active: [], drift: true, score: 80, status: 'HEALTHY' },
    {
      active: [createAnomaly('error_spike', 'high'), createAnomaly('latency_spike', 'high')],
      drift: true,
      score: 20,
      status: 'CRITICAL',
    },
    {
      active: [
        createAnomaly('error_spike', 'high'),
        createAnomaly('latency_spike', 'high'),
        createAnomaly('size_drift', 'medium'),
      ],
      drift: true,
      score: 10,
      status: 'CRITICAL',
    },
  ])(
    '$active.length anomalies, drift $drift → $score $status',
    ({ active, drift, score, status }) => {
      const snapshot = scoreHealth(createState(active), NOW, drift);

      expect(snapshot).toMatchObject({ score, status, observations: 42 });
      expect(snapshot.anomalies).toHaveLength(active.length + (drift ? 1 : 0));
    },
  );

  it('reports an active drift as a contract_drift anomaly', () => {
    const snapshot = scoreHealth(createState([]), NOW, true);

    expect(snapshot.anomalies).toEqual([
      {
        type: 'contract_drift',
        severity: 'medium',
        message: 'Unresolved contract drift on this endpoint',
        detectedAt: NOW,
        lastSeenAt: NOW,
        expiresAt: NOW,
        occurrences: 1,
      },
    ]);
  });

  it('leaves out episodes that have expired by now, without touching the state', () => {
    const active = [
      createAnomaly('latency_spike', 'high', NOW),
      createAnomaly('error_spike', 'medium', NOW + 1),
    ];
    const state = createState(active);

    const snapshot = scoreHealth(state, NOW, false);

    expect(snapshot.anomalies.map((a) => a.type)).toEqual(['error_spike']);
    expect(snapshot.score).toBe(75);
    expect(state.active).toHaveLength(2);
    snapshot.anomalies[0]!.severity = 'high';
    expect(state.active[1]?.severity).toBe('medium');
  });
});
