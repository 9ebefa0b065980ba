import { AppError } from '../errors.js';
import { UnsolicitedInformational, UpstreamTimeout } from './upstream-transport.js';

const PROTOCOL_ERRORS = new Set([
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_HEADERS_OVERFLOW',
  'UND_ERR_RES_EXCEEDED_MAX_SIZE',
]);

/**
 * Maps a failure of either transport to the problem catalogue (RELIABILITY.md §1 row 8):
 * timeouts, refused or unresolvable backends, resets and broken framing.
 */
export function classifyUpstreamError(error: unknown): AppError {
  if (error instanceof UpstreamTimeout) {
    if (error.phase === 'connect') {
      return new AppError(
        'UPSTREAM_UNREACHABLE',
        'The backend did not accept a connection in time.',
      );
    }
    return new AppError(
      'UPSTREAM_TIMEOUT',
      error.phase === 'headers'
        ? 'The backend did not send response headers in time.'
        : 'The backend stopped sending the response body.',
    );
  }
  if (error instanceof UnsolicitedInformational)
    return new AppError('UPSTREAM_PROTOCOL_ERROR', error.message);
  const code = (error as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'EADDRBLOCKED':
      return new AppError('UPSTREAM_BLOCKED', (error as Error).message);
    case 'ECONNREFUSED':
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend refused the connection.');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend host name could not be resolved.');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend host is unreachable.');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return new AppError('UPSTREAM_RESET', 'The backend closed the connection before answering.');
    default:
      // undici's HTTPParserError carries no code; node:http's parser errors are HPE_*.
      if (
        code.startsWith('HPE_') ||
        PROTOCOL_ERRORS.has(code) ||
        (error as Error | undefined)?.name === 'HTTPParserError'
      ) {
        return new AppError(
          'UPSTREAM_PROTOCOL_ERROR',
          'The backend sent a malformed HTTP response.',
        );
      }
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend could not be reached.');
  }
}
