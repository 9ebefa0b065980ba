import { startEchoOrigin } from '../../helpers/echo-origin.js';

/** What the backend answers to one request. */
export interface ScriptedReply {
  status?: number;
  /** Serialised as JSON; a string is sent as it is (still labelled JSON). */
  body?: unknown;
  /** Time the backend takes before it answers (ms). */
  delayMs?: number;
}

export interface ScriptedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  body: Buffer;
}

export interface ScriptedBackend {
  url: string;
  /** Decides every answer; replace it to change the backend's behaviour mid-test. */
  script: (request: ScriptedRequest) => ScriptedReply;
  close(): Promise<void>;
}

/** A loopback JSON backend whose answers (status, body, delay) a test scripts per request. */
export async function startScriptedBackend(
  script: ScriptedBackend['script'],
): Promise<ScriptedBackend> {
  const origin = await startEchoOrigin();
  const backend: ScriptedBackend = { url: origin.url, script, close: () => origin.close() };
  origin.handler = (req, res, body) => {
    const reply = backend.script({
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      body,
    });
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    const answer = () => {
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (reply.delayMs === undefined) answer();
    else setTimeout(answer, reply.delayMs);
  };
  return backend;
}
