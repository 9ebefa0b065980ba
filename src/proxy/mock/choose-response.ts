import type { EndpointModel, RecordedExample } from '../../core/model/endpoint-model.js';
import type { Rng } from '../../core/random.js';

/**
 * Whether a success was ever learned: failover must not invent a 200 for an endpoint whose
 * only recorded answers are failures (the client then gets the backend's own failure).
 */
export function hasSuccessResponse(model: EndpointModel): boolean {
  return Object.keys(model.responses).some((status) => status.startsWith('2'));
}

interface ResponseTable {
  /** Learned 2xx statuses with a response, in status order, and their counts. */
  success: [string, number][];
  successTotal: number;
  /** Most frequent content type per status. */
  contentTypes: Map<string, string>;
}

/** Published models are never mutated (each batch sends new objects), so this is per object. */
const tables = new WeakMap<EndpointModel, ResponseTable>();

function tableOf(model: EndpointModel): ResponseTable {
  let table = tables.get(model);
  if (table) return table;
  const success = Object.entries(model.stats.statusCounts)
    .filter(([status]) => status.startsWith('2') && model.responses[status] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  const contentTypes = new Map<string, string>();
  for (const [status, response] of Object.entries(model.responses)) {
    const top = Object.entries(response.contentTypes).sort((a, b) => b[1] - a[1])[0];
    if (top) contentTypes.set(status, top[0]);
  }
  table = { success, successTotal: success.reduce((n, [, c]) => n + c, 0), contentTypes };
  tables.set(model, table);
  return table;
}

/** Weighted draw among the learned 2xx statuses (200 when none was learned). */
export function pickSuccessStatus(model: EndpointModel, rng: Rng): string {
  const { success, successTotal } = tableOf(model);
  if (successTotal === 0)
    return Object.keys(model.responses).find((s) => s.startsWith('2')) ?? '200';
  let roll = rng.next() * successTotal;
  for (const [status, count] of success) {
    roll -= count;
    if (roll < 0) return status;
  }
  return success[success.length - 1]![0];
}

/** The learned content type of a status (most frequent), JSON when unknown. */
export function contentTypeOf(model: EndpointModel, status: string): string {
  return tableOf(model).contentTypes.get(status) ?? 'application/json';
}

/**
 * A recorded example for replay: the one recorded for this exact request first, then one
 * with the same path, then (unless `exactOnly`) any example of the status.
 */
export function findExample(
  model: EndpointModel,
  status: string,
  path: string,
  query: string,
  exactOnly: boolean,
  rng: Rng,
): RecordedExample | undefined {
  const examples = model.examples[status] ?? [];
  const exact = examples.filter((e) => e.path === path && e.query === query);
  if (exact.length) return exact[exact.length - 1];
  const samePath = examples.filter((e) => e.path === path);
  if (samePath.length) return samePath[samePath.length - 1];
  if (exactOnly || examples.length === 0) return undefined;
  return examples[Math.floor(rng.next() * examples.length)];
}
