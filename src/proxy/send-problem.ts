import type { ServerResponse } from 'node:http';
import { AppError, PROBLEM_CONTENT_TYPE, toProblem } from '../errors.js';

/**
 * Answers with problem+json when nothing was sent yet; otherwise the only honest thing
 * left is to abort the connection (a status can no longer be sent).
 */
export function sendProblem(
  res: ServerResponse,
  error: AppError,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(toProblem(error));
  res.writeHead(error.status, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
