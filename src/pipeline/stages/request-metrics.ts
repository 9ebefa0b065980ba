/** Upper bounds (seconds) of the request duration histogram's buckets. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: string;
  count: number;
  sum: number;
  /** Observations per bucket (not cumulative); the last slot is +Inf. */
  buckets: number[];
}

/** Prometheus label value escaping (text format 0.0.4): backslash, double quote, newline. */
function escapeLabel(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function labelsOf(pairs: [string, string][]): string {
  return pairs.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',');
}

/**
 * The per-exchange families (request counter and duration histogram), kept as plain maps.
 * prom-client hashes and validates the label object on every observation, which cost the
 * engine about a sixth of its CPU at 20,000 exchanges/s; here a series is found by one
 * string key and its label text is built once.
 */
export function createRequestMetrics() {
  const requests = new Map<string, { labels: string; value: number }>();
  const durations = new Map<string, Series>();
  // A batch is mostly one endpoint answering one status: the previous series is remembered so
  // the common case builds no key strings.
  let last:
    | {
        method: string;
        template: string;
        status: number;
        source: string;
        counter: { value: number };
        series: Series;
      }
    | undefined;

  const record = (counter: { value: number }, series: Series, seconds: number) => {
    counter.value++;
    series.count++;
    series.sum += seconds;
    let slot = 0;
    while (slot < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[slot]!) slot++;
    series.buckets[slot]!++;
  };

  return {
    observe(method: string, template: string, status: number, source: string, seconds: number) {
      if (
        last &&
        last.status === status &&
        last.template === template &&
        last.method === method &&
        last.source === source
      ) {
        record(last.counter, last.series, seconds);
        return;
      }
      const key = `${method}\u0000${template}\u0000${source}`;
      const countKey = `${key}\u0000${status}`;
      let counter = requests.get(countKey);
      if (!counter) {
        counter = {
          labels: labelsOf([
            ['method', method],
            ['template', template],
            ['status', String(status)],
            ['source', source],
          ]),
          value: 0,
        };
        requests.set(countKey, counter);
      }
      let series = durations.get(key);
      if (!series) {
        series = {
          labels: labelsOf([
            ['method', method],
            ['template', template],
            ['source', source],
          ]),
          count: 0,
          sum: 0,
          buckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0),
        };
        durations.set(key, series);
      }
      last = { method, template, status, source, counter, series };
      record(counter, series, seconds);
    },

    text(): string {
      const out = [
        '# HELP adaptive_mock_requests_total Exchanges seen by the pipeline, by endpoint, status and response source.',
        '# TYPE adaptive_mock_requests_total counter',
      ];
      for (const { labels, value } of requests.values())
        out.push(`adaptive_mock_requests_total{${labels}} ${value}`);
      const name = 'adaptive_mock_request_duration_seconds';
      out.push(
        `# HELP ${name} Time to the last response byte, by endpoint and source.`,
        `# TYPE ${name} histogram`,
      );
      for (const series of durations.values()) {
        let cumulative = 0;
        DURATION_BUCKETS.forEach((le, i) => {
          cumulative += series.buckets[i]!;
          out.push(`${name}_bucket{le="${le}",${series.labels}} ${cumulative}`);
        });
        out.push(`${name}_bucket{le="+Inf",${series.labels}} ${series.count}`);
        out.push(`${name}_sum{${series.labels}} ${series.sum}`);
        out.push(`${name}_count{${series.labels}} ${series.count}`);
      }
      return `${out.join('\n')}\n`;
    },
  };
}
