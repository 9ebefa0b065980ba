import type { ExchangeContext } from '../exchange-context.js';

/**
 * Writes a complete platform-made response (mock, failover or injected fault): a correct
 * Content-Length, never a stale Content-Encoding, and the X-Mock-Source marker.
 */
export function sendBody(
  ctx: ExchangeContext,
  status: number,
  contentType: string,
  body: string | Buffer,
  extraHeaders: Record<string, string> = {},
): void {
  const { res } = ctx;
  if (res.headersSent || res.destroyed) return;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const headers = {
    'content-type': contentType,
    'content-length': String(bytes.length),
    'x-mock-source': ctx.source,
    'cache-control': 'no-store',
    ...extraHeaders,
  };
  ctx.status = status;
  ctx.responseHeaders = headers;
  const tap = ctx.tapResponse();
  tap.size = bytes.length;
  res.writeHead(status, headers);
  res.end(ctx.req.method === 'HEAD' || status === 204 || status === 304 ? undefined : bytes);
}
