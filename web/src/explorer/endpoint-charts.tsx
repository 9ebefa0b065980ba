import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ApiError } from '../lib/api.js';
import { getSeries } from '../lib/explorer-api.js';
import type { SeriesPointView } from '../lib/views.js';

const HEIGHT = 200;
const AXIS = {
  stroke: '#9aa4bd',
  grid: { stroke: '#26304a', width: 1 },
  ticks: { stroke: '#26304a' },
};
/** Status classes, top of the stack first (drawn first, so the lower classes paint over). */
const STATUS_CLASSES = [
  { key: 'none', label: 'no response', color: '#b0457a' },
  { key: '5xx', label: '5xx', color: '#ef5350' },
  { key: '4xx', label: '4xx', color: '#f2b233' },
  { key: '3xx', label: '3xx', color: '#9aa4bd' },
  { key: '2xx', label: '2xx', color: '#2fbf71' },
];

/** The x axis spans at least this much (s), so a few minutes of traffic do not fill the chart. */
const MIN_SPAN_S = 15 * 60;

type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

/** Time axis fixed to the data (uPlot widens a single point to years otherwise). */
function timeScale(points: SeriesPointView[]): uPlot.Scales {
  const first = (points[0]?.start ?? 0) / 1000;
  const last = (points[points.length - 1]?.start ?? 0) / 1000;
  return {
    x: { time: true, range: () => [Math.min(first, last - MIN_SPAN_S) - 30, last + 90] },
    y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
  };
}

function classOf(status: string): string {
  const code = Number(status);
  return code >= 100 && code < 600 ? `${Math.floor(code / 100)}xx` : 'none';
}

/** One uPlot canvas that follows its container's width. */
function Chart(props: { options: ChartOptions; data: uPlot.AlignedData; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const width = () => Math.max(240, element.clientWidth);
    const plot = new uPlot(
      { ...props.options, width: width(), height: HEIGHT },
      props.data,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [props.options, props.data]);
  return <div ref={ref} class="chart" data-testid={props.testId} />;
}

function latencyChart(points: SeriesPointView[]): {
  options: ChartOptions;
  data: uPlot.AlignedData;
} {
  const ms = (_u: uPlot, value: number | null) => (value === null ? '—' : `${value.toFixed(1)} ms`);
  return {
    options: {
      title: 'Latency per minute',
      series: [
        {},
        { label: 'p50', stroke: '#5b8cff', width: 2, value: ms },
        { label: 'p95', stroke: '#f2b233', width: 2, value: ms },
      ],
      scales: timeScale(points),
      axes: [AXIS, { ...AXIS, label: 'ms', size: 56 }],
    },
    data: [points.map((p) => p.start / 1000), points.map((p) => p.p50), points.map((p) => p.p95)],
  };
}

function statusChart(points: SeriesPointView[]): {
  options: ChartOptions;
  data: uPlot.AlignedData;
} {
  const perClass = (point: SeriesPointView, key: string) =>
    Object.entries(point.statusCounts)
      .filter(([status]) => classOf(status) === key)
      .reduce((sum, [, count]) => sum + count, 0);
  const present = STATUS_CLASSES.filter((c) => points.some((p) => perClass(p, c.key) > 0));
  const counts = present.map((c) => points.map((p) => perClass(p, c.key)));
  // Stacked bars: each class is drawn at the running total of itself and the classes below it.
  const stacked = counts.map((_, i) =>
    points.map((_p, j) => counts.slice(i).reduce((s, row) => s + (row[j] ?? 0), 0)),
  );
  const bars = uPlot.paths.bars?.({ size: [0.8, 40] });
  return {
    options: {
      title: 'Status mix per minute',
      series: [
        {},
        ...present.map((c, i) => ({
          label: c.label,
          stroke: c.color,
          fill: c.color,
          ...(bars ? { paths: bars } : {}),
          points: { show: false },
          // The legend shows the class's own count, not the stacked height.
          value: (_u: uPlot, _v: number | null, _s: number, index: number | null) =>
            index === null ? '—' : String(counts[i]?.[index] ?? 0),
        })),
      ],
      scales: timeScale(points),
      axes: [AXIS, { ...AXIS, label: 'requests', size: 56 }],
    },
    data: [points.map((p) => p.start / 1000), ...stacked],
  };
}

/** Latency (p50/p95) and status mix over time for one endpoint, one point per minute. */
export function EndpointCharts({ endpointId, version }: { endpointId: number; version: number }) {
  const [points, setPoints] = useState<SeriesPointView[] | undefined>();
  const [error, setError] = useState('');
  useEffect(() => {
    getSeries(endpointId).then(
      (series) => setPoints(series.points),
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load the charts.'),
    );
  }, [endpointId, version]);
  // Memoised: a new options object would rebuild the canvases on every render.
  const charts = useMemo(
    () =>
      points && points.length > 0
        ? { latency: latencyChart(points), status: statusChart(points) }
        : null,
    [points],
  );
  if (error) return <p class="error">{error}</p>;
  if (!points) return <p class="muted">Loading charts…</p>;
  if (!charts) return <p class="muted">No traffic recorded in the kept time window.</p>;
  return (
    <div class="charts">
      <Chart {...charts.latency} testId="latency-chart" />
      <Chart {...charts.status} testId="status-chart" />
    </div>
  );
}
