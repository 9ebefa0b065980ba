import type { Dispatcher } from 'undici';
import type { Target } from '../state/runtime-state.js';
import {
  UnsolicitedInformational,
  UpstreamTimeout,
  type UpstreamCall,
  type UpstreamTransport,
} from './upstream-transport.js';

const TIMEOUTS: Record<string, UpstreamTimeout['phase']> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

function translate(error: Error, responded: boolean): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const phase = TIMEOUTS[code];
  if (phase) return new UpstreamTimeout(phase);
  // undici destroys the socket on any 100 status it did not ask for (RFC 9110 §15.2 says a
  // client must parse it); node:http handles it, so the caller can switch transports.
  if (!responded && code === 'UND_ERR_SOCKET' && error.message === 'bad response')
    return new UnsolicitedInformational();
  return error;
}

function toStrings(raw: Buffer[]): string[] {
  const out = new Array<string>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw[i]!.toString('latin1');
  return out;
}

/**
 * The fast transport: undici's dispatcher API on a keep-alive pool per target. Its
 * parser-level callbacks hand us raw header lists and body chunks with no stream objects in
 * between, which is most of why it forwards ~1.4× the requests node:http does.
 */
export function createUndiciTransport(
  dispatcherFor: (target: Target) => Dispatcher,
): UpstreamTransport {
  return (request, handler): UpstreamCall => {
    let abortDispatch: ((reason?: Error) => void) | undefined;
    let resumeDispatch: (() => void) | undefined;
    let aborted = false;
    let responded = false;
    dispatcherFor(request.target).dispatch(
      {
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        headersTimeout: request.headersTimeoutMs,
        bodyTimeout: request.bodyTimeoutMs,
      },
      {
        onConnect(abort) {
          abortDispatch = abort;
          if (aborted) abort(new Error('client aborted'));
        },
        onHeaders(status, rawHeaders, resume, statusText) {
          // 1xx interim answers (103 Early Hints) are not relayed; the final response follows.
          if (status < 200 || aborted) return true;
          responded = true;
          resumeDispatch = resume;
          handler.onResponse(status, statusText, toStrings(rawHeaders));
          return true;
        },
        onData(chunk) {
          return aborted || handler.onData(chunk);
        },
        onComplete() {
          if (!aborted) handler.onEnd();
        },
        onError(error) {
          if (aborted) return;
          // undici's reading of a connection closed under a request without an answer.
          const stale =
            !responded &&
            (error as NodeJS.ErrnoException).code === 'UND_ERR_SOCKET' &&
            error.message === 'other side closed';
          handler.onError(translate(error, responded), stale);
        },
      },
    );
    return {
      resume: () => resumeDispatch?.(),
      abort: () => {
        if (aborted) return;
        aborted = true;
        abortDispatch?.(new Error('client aborted'));
      },
    };
  };
}
