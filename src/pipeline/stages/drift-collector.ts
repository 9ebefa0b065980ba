import { detectDrift } from '../../core/drift/detect-drift.js';
import { driftFingerprint } from '../../core/drift/drift-fingerprint.js';
import { formatDriftLog } from '../../core/drift/format-drift-log.js';
import { narrateDrift } from '../../core/drift/narrate-drift.js';
import { scoreDrift } from '../../core/drift/score-drift.js';
import { summarizeDrift } from '../../core/drift/summarize-drift.js';
import type { DriftChange } from '../../core/drift/drift-change.js';
import type { DriftEndpoint } from '../../core/drift/narrated-change.js';
import type { EndpointModel } from '../../core/model/endpoint-model.js';
import type { SchemaNode } from '../../core/schema/schema-node.js';
import type { Logger } from '../../logger.js';
import type { DriftAlertRow, Store, StoredEndpoint } from '../../store/store.js';
import type { PreparedExchange } from './prepare-exchange.js';

export interface DriftVerdict {
  /** True when the response must not be learned (BREAKING/WARNING changes wait for "accept"). */
  holdResponse: boolean;
  holdRequest: boolean;
  drifted: boolean;
}

interface Pending {
  key: string;
  method: string;
  template: string;
  target: 'response' | 'request';
  status: string;
  changes: DriftChange[];
  fingerprint: string;
  sample: unknown;
  occurrences: number;
  seenAt: number;
}

const blocks = (changes: DriftChange[]) => changes.some((c) => c.severity !== 'INFO');

/**
 * The contract watchdog stage: compares each 2xx JSON body with the learned schema of the
 * same endpoint and status BEFORE it is learned, and collects alerts per batch (one upsert
 * per endpoint and set of changes, with its occurrence count).
 */
export class DriftCollector {
  private pending = new Map<string, Pending>();

  constructor(private readonly warmup: number) {}

  check(key: string, stored: EndpointModel | undefined, prepared: PreparedExchange): DriftVerdict {
    const verdict: DriftVerdict = { holdResponse: false, holdRequest: false, drifted: false };
    const { exchange, request, response } = prepared;
    if (!stored || exchange.outcome !== 'ok' || exchange.status < 200 || exchange.status >= 300)
      return verdict;
    const status = String(exchange.status);
    const inspect = (
      schema: SchemaNode | undefined,
      body: unknown,
      target: 'response' | 'request',
    ) => {
      if (!schema || body === undefined) return false;
      const changes = detectDrift(schema, body, { warmup: this.warmup });
      if (changes.length === 0) return false;
      const fingerprint = driftFingerprint(changes);
      const id = `${key}|${target}|${fingerprint}`;
      const existing = this.pending.get(id);
      if (existing) {
        existing.occurrences++;
        existing.sample = body;
        existing.seenAt = exchange.startedAt;
      } else {
        const [method = '', ...rest] = key.split(' ');
        this.pending.set(id, {
          key,
          method,
          template: rest.join(' '),
          target,
          status: target === 'response' ? status : '',
          changes,
          fingerprint,
          sample: body,
          occurrences: 1,
          seenAt: exchange.startedAt,
        });
      }
      verdict.drifted = true;
      return blocks(changes);
    };
    verdict.holdResponse = inspect(stored.responses[status]?.schema, response.json, 'response');
    verdict.holdRequest = inspect(stored.requestSchema, request.json, 'request');
    return verdict;
  }

  /** Writes the batch's alerts; returns the alerts that are new or reopened. */
  async flush(
    store: Store,
    models: Map<string, StoredEndpoint>,
    log: Logger,
  ): Promise<DriftAlertRow[]> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const raised: DriftAlertRow[] = [];
    for (const p of batch) {
      const endpoint = models.get(p.key);
      if (!endpoint) continue;
      // The target picks request-side wording ("REMOVED from the request", backend impacts).
      const where: DriftEndpoint = {
        method: p.method,
        template: p.template,
        target: p.target,
        ...(p.status ? { status: Number(p.status) } : {}),
      };
      const narration = narrateDrift(p.changes, where);
      const result = await store.upsertDriftAlert({
        endpointId: endpoint.id,
        fingerprint: p.fingerprint,
        target: p.target,
        status: p.status,
        score: scoreDrift(p.changes),
        summary: summarizeDrift(p.changes),
        details: p.changes,
        narration,
        sample: p.sample,
        occurrences: p.occurrences,
        seenAt: p.seenAt,
      });
      if (result.change === 'created' || result.change === 'reopened') {
        log.warn(
          `${result.change === 'created' ? 'contract drift' : 'contract drift again'}: ${formatDriftLog(p.changes, where)}`,
        );
        raised.push(result.alert);
      }
    }
    return raised;
  }
}
