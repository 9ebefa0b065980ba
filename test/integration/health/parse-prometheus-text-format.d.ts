// The package ships no types; this covers what the metrics test reads.
declare module 'parse-prometheus-text-format' {
  /** One series; values stay strings as written ("1", "+Inf", "NaN"). */
  export interface PrometheusSample {
    labels?: Record<string, string>;
    value?: string;
    /** Histograms: upper bound → cumulative count. */
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  export interface PrometheusFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: PrometheusSample[];
  }
  /** Throws on a line that is not in the text exposition format. */
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
