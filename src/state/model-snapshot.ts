import { createPathLearner, type PathLearner } from '../core/paths/create-path-learner.js';
import type { PathLearnerState } from '../core/paths/path-learner-state.js';
import type { StoredEndpoint } from '../store/store.js';

export interface SnapshotMatch {
  endpoint: StoredEndpoint | undefined;
  template: string;
  params: Record<string, string>;
}

/** The models update the engine publishes after every batch. */
export interface ModelsUpdate {
  endpoints: StoredEndpoint[];
  removed: number[];
  paths?: unknown;
}

/**
 * The learned model as the main thread sees it: every endpoint model plus a path matcher,
 * refreshed from the engine's events. Mock mode and failover read it without any I/O.
 */
export class ModelSnapshot {
  private readonly byKey = new Map<string, StoredEndpoint>();
  private readonly byId = new Map<number, StoredEndpoint>();
  private matcher: PathLearner;

  constructor(pathState: unknown, endpoints: StoredEndpoint[] = []) {
    this.matcher = ModelSnapshot.matcherFrom(pathState);
    this.apply({ endpoints, removed: [] });
  }

  private static matcherFrom(state: unknown): PathLearner {
    try {
      return createPathLearner(state ? { state: state as PathLearnerState } : {});
    } catch {
      return createPathLearner();
    }
  }

  apply(update: ModelsUpdate): void {
    for (const id of update.removed) {
      const old = this.byId.get(id);
      if (old) this.byKey.delete(`${old.method} ${old.template}`);
      this.byId.delete(id);
    }
    for (const endpoint of update.endpoints) {
      const previous = this.byId.get(endpoint.id);
      if (previous) this.byKey.delete(`${previous.method} ${previous.template}`);
      this.byId.set(endpoint.id, endpoint);
      this.byKey.set(`${endpoint.method} ${endpoint.template}`, endpoint);
    }
    if (update.paths !== undefined) this.matcher = ModelSnapshot.matcherFrom(update.paths);
  }

  match(method: string, path: string): SnapshotMatch {
    const found = this.matcher.match(method, path);
    return {
      endpoint: this.byKey.get(`${method} ${found.template}`),
      template: found.template,
      params: found.params,
    };
  }

  get(id: number): StoredEndpoint | undefined {
    return this.byId.get(id);
  }

  all(): StoredEndpoint[] {
    return [...this.byId.values()];
  }

  /** Learned templates closest to a path (same method first), for helpful 404s. */
  closest(method: string, path: string, limit = 3): string[] {
    const target = path.split('?')[0] ?? path;
    const scored = this.all().map((e) => ({
      label: `${e.method} ${e.template}`,
      score: distance(e.template, target) + (e.method === method ? 0 : 5),
    }));
    return scored
      .sort((a, b) => a.score - b.score || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map((s) => s.label);
  }
}

/** Characters compared per segment: keeps a 404 cheap whatever the path holds. */
const SEGMENT_CHARS = 64;

/**
 * How unlike two segments are, 0 (same, or a template parameter) to 1: the share of the
 * longer one not covered by their common prefix and suffix, so a typo (`userz` for `users`)
 * costs little while an unrelated word (`orders`) costs a whole edit.
 */
function segmentCost(template: string, actual: string): number {
  if (template === actual || template.startsWith('{')) return 0;
  const a = template.slice(0, SEGMENT_CHARS);
  const b = actual.slice(0, SEGMENT_CHARS);
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix])
    suffix++;
  return 1 - (prefix + suffix) / Math.max(a.length, b.length, 1);
}

/** Levenshtein distance over path segments, a substitution costing segmentCost (bounded inputs). */
function distance(a: string, b: string): number {
  const x = a.split('/').slice(0, 32);
  const y = b.split('/').slice(0, 32);
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = segmentCost(x[i - 1]!, y[j - 1]!);
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = row;
  }
  return prev[y.length]!;
}
