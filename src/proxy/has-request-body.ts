import type { IncomingMessage } from 'node:http';

/** Whether the request announces a body (a non-zero Content-Length or any Transfer-Encoding). */
export function hasRequestBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}
