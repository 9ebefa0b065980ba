export type HealthStatus = 'HEALTHY' | 'DEGRADED' | 'CRITICAL';

/** Band of a (rounded) score: 80–100 HEALTHY, 50–79.9 DEGRADED, below 50 CRITICAL. */
export function classifyHealth(score: number): HealthStatus {
  if (score >= 80) return 'HEALTHY';
  if (score >= 50) return 'DEGRADED';
  return 'CRITICAL';
}
