import { request, type Agent, type OutgoingHttpHeaders } from 'node:http';

export interface SentResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  /** The body exactly as received (never decoded). */
  body: Buffer;
}

export interface SendOptions {
  method?: string;
  path?: string;
  headers?: OutgoingHttpHeaders | string[];
  body?: string | Buffer;
  /** A keep-alive agent to reuse connections; by default each request has its own. */
  agent?: Agent;
  timeoutMs?: number;
}

/** One request with node:http (no redirect following, no decoding) to 127.0.0.1:port. */
export function sendRequest(port: number, options: SendOptions = {}): Promise<SentResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        agent: options.agent ?? false,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Parses a problem+json answer and returns its stable `code`. */
export function problemCode(response: SentResponse): string | undefined {
  if (!String(response.headers['content-type']).startsWith('application/problem+json'))
    return undefined;
  return (JSON.parse(response.body.toString()) as { code?: string }).code;
}
