import { describe, expect, it } from 'vitest';
import { classifyHealth } from './classify-health.js';

describe('classifyHealth', () => {
  it.each([
    { score: 100, status: 'HEALTHY' },
    { score: 80, status: 'HEALTHY' },
    { score: 79.9, status: 'DEGRADED' },
    { score: 50, status: 'DEGRADED' },
    { score: 49.9, status: 'CRITICAL' },
    { score: 0, status: 'CRITICAL' },
  ])('$score → $status', ({ score, status }) => {
    expect(classifyHealth(score)).toBe(status);
  });
});
