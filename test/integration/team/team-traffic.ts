import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { escapeIdentifier } from 'pg';
import { startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { sendRequest } from '../../helpers/send-request.js';

/** One request of the team-mode traffic plan. */
export interface PlannedRequest {
  method: string;
  path: string;
  body?: string;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

/**
 * A fake backend with a few endpoints whose answers depend only on the request, so two runs
 * of the same plan see the same bodies: users, their posts, orders (read and create), health.
 */
export async function startTeamBackend(): Promise<EchoOrigin> {
  const origin = await startEchoOrigin();
  origin.handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    const id = Number(parts[1]);
    if (parts[0] === 'health') return json(res, 200, { ok: true, version: '1.2.3' });
    if (parts[0] === 'users' && parts.length === 2 && req.method === 'GET') {
      if (id % 17 === 0) return json(res, 404, { error: 'not_found', message: `no user ${id}` });
      return json(res, 200, {
        id,
        name: `user ${id}`,
        email: `u${id}@example.com`,
        active: id % 2 === 0,
        nickname: id % 3 === 0 ? null : `nick${id}`,
        tags: Array.from({ length: id % 4 }, (_, i) => `t${i}`),
      });
    }
    if (parts[0] === 'users' && parts[2] === 'posts') {
      return json(
        res,
        200,
        Array.from({ length: id % 3 }, (_, i) => ({
          postId: id * 10 + i,
          title: `post ${i}`,
          likes: i * id,
        })),
      );
    }
    if (parts[0] === 'orders' && parts.length === 2) {
      return json(res, 200, {
        id,
        total: Math.round(id * 1.25 * 100) / 100,
        status: id % 2 ? 'open' : 'paid',
        items: Array.from({ length: 1 + (id % 2) }, (_, i) => ({ sku: `sku-${i}`, qty: i + 1 })),
      });
    }
    if (parts[0] === 'orders' && req.method === 'POST') {
      const order = JSON.parse(body.toString() || '{}') as { sku?: string; qty?: number };
      return json(res, 201, { id: 1000 + (order.qty ?? 0), created: true, sku: order.sku ?? null });
    }
    json(res, 404, { error: 'not_found' });
  };
  return origin;
}

/** `count` mixed requests, the same list every time. */
export function planTeamTraffic(count: number): PlannedRequest[] {
  return Array.from({ length: count }, (_, i): PlannedRequest => {
    const id = 1 + ((i * 7919) % 250);
    switch (i % 6) {
      case 0:
      case 1:
        return { method: 'GET', path: `/users/${id}` };
      case 2:
        return { method: 'GET', path: `/users/${id}/posts` };
      case 3:
        return { method: 'GET', path: `/orders/${id}` };
      case 4:
        return {
          method: 'POST',
          path: '/orders',
          body: JSON.stringify({ sku: `sku-${id % 5}`, qty: id % 9, gift: id % 2 === 0 }),
        };
      default:
        return { method: 'GET', path: '/health' };
    }
  });
}

/** Sends every request, `concurrency` at a time, to the port `portFor(i)` picks; returns the statuses. */
export async function sendPlan(
  plan: PlannedRequest[],
  portFor: (i: number) => number,
  concurrency = 16,
): Promise<number[]> {
  const statuses: number[] = new Array<number>(plan.length);
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const i = next++;
      const request = plan[i]!;
      const response = await sendRequest(portFor(i), {
        method: request.method,
        path: request.path,
        ...(request.body
          ? { body: request.body, headers: { 'content-type': 'application/json' } }
          : {}),
      });
      statuses[i] = response.status;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/** What must be identical however the traffic was split: schemas and exact counts per endpoint. */
export interface LearnedShape {
  requestSchema: unknown;
  responses: Record<string, unknown>;
  requestCount: number;
  statusCounts: Record<string, number>;
}

/** Reads one schema's tables directly (not through an app), keyed by "METHOD template". */
export async function readSchema(
  url: string,
  schema: string,
): Promise<{ traffic: number; exchanges: number; endpoints: Map<string, LearnedShape> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const s = escapeIdentifier(schema);
    const traffic = await client.query<{ n: number; d: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT exchange_id)::int AS d FROM ${s}.traffic`,
    );
    const rows = await client.query<{ method: string; template: string; model: string }>(
      `SELECT method, template, model FROM ${s}.endpoints`,
    );
    const endpoints = new Map<string, LearnedShape>();
    for (const row of rows.rows) {
      const model = JSON.parse(row.model) as {
        requestSchema?: unknown;
        responses: Record<string, { schema?: unknown }>;
        stats: { requestCount: number; statusCounts: Record<string, number> };
      };
      endpoints.set(`${row.method} ${row.template}`, {
        requestSchema: model.requestSchema ?? null,
        responses: Object.fromEntries(
          Object.entries(model.responses).map(([status, r]) => [status, r.schema ?? null]),
        ),
        requestCount: model.stats.requestCount,
        statusCounts: model.stats.statusCounts,
      });
    }
    return { traffic: traffic.rows[0]!.n, exchanges: traffic.rows[0]!.d, endpoints };
  } finally {
    await client.end();
  }
}
