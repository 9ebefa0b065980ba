import { describe, expect, it } from 'vitest';
import { createRequestMetrics } from './request-metrics.js';

describe('createRequestMetrics', () => {
  it('counts per status and source and fills cumulative duration buckets (le is inclusive)', () => {
    const metrics = createRequestMetrics();
    metrics.observe('GET', '/a', 200, 'proxy', 0.005);
    metrics.observe('GET', '/a', 200, 'proxy', 0.3);
    metrics.observe('GET', '/a', 500, 'proxy', 20);
    metrics.observe('GET', '/a', 200, 'mock', 0.001);
    const lines = metrics.text().split('\n');
    expect(lines).toContain(
      'adaptive_mock_requests_total{method="GET",template="/a",status="200",source="proxy"} 2',
    );
    expect(lines).toContain(
      'adaptive_mock_requests_total{method="GET",template="/a",status="500",source="proxy"} 1',
    );
    const bucket = (le: string, source = 'proxy') =>
      lines.find((l) =>
        l.startsWith(
          `adaptive_mock_request_duration_seconds_bucket{le="${le}",method="GET",template="/a",source="${source}"}`,
        ),
      );
    expect(bucket('0.005')).toMatch(/ 1$/);
    expect(bucket('0.25')).toMatch(/ 1$/);
    expect(bucket('0.5')).toMatch(/ 2$/);
    expect(bucket('10')).toMatch(/ 2$/);
    expect(bucket('+Inf')).toMatch(/ 3$/);
    expect(bucket('+Inf', 'mock')).toMatch(/ 1$/);
    expect(lines).toContain(
      'adaptive_mock_request_duration_seconds_count{method="GET",template="/a",source="proxy"} 3',
    );
  });

  it('keeps alternating series apart (the remembered series is only a shortcut)', () => {
    const metrics = createRequestMetrics();
    for (const status of [200, 404, 200, 200, 404, 200]) {
      metrics.observe('GET', '/a', status, 'proxy', 0.01);
      metrics.observe('GET', '/b', status, 'proxy', 0.01);
    }
    const text = metrics.text();
    for (const template of ['/a', '/b']) {
      expect(text).toContain(
        `adaptive_mock_requests_total{method="GET",template="${template}",status="200",source="proxy"} 4`,
      );
      expect(text).toContain(
        `adaptive_mock_requests_total{method="GET",template="${template}",status="404",source="proxy"} 2`,
      );
      expect(text).toContain(
        `adaptive_mock_request_duration_seconds_count{method="GET",template="${template}",source="proxy"} 6`,
      );
    }
  });

  it('escapes label values', () => {
    const metrics = createRequestMetrics();
    metrics.observe('GET', '/a"b\\c\nd', 200, 'proxy', 0.1);
    expect(metrics.text()).toContain('template="/a\\"b\\\\c\\nd"');
  });
});
