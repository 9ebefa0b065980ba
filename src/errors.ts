/**
 * The error catalogue. Every failure that reaches an HTTP edge has a stable `code`, an HTTP
 * status and a title; edges render it as application/problem+json (RFC 9457).
 */

export interface ErrorSpec {
  status: number;
  title: string;
}

export const ERRORS = {
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  INVALID_BODY: { status: 400, title: 'Invalid request body' },
  INVALID_QUERY: { status: 400, title: 'Invalid query parameters' },
  INVALID_TARGET: { status: 400, title: 'Invalid target URL' },
  FORBIDDEN_TARGET: { status: 400, title: 'Target address is not allowed' },
  TARGET_LOOP: { status: 400, title: 'Target points at this proxy' },
  UNAUTHORIZED: { status: 401, title: 'Authentication required' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  CSRF_REJECTED: { status: 403, title: 'Cross-site request rejected' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ENDPOINT_NOT_FOUND: { status: 404, title: 'Endpoint not found' },
  MOCK_NOT_LEARNED: { status: 404, title: 'No learned endpoint matches this request' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  UPSTREAM_UNREACHABLE: { status: 502, title: 'Backend unreachable' },
  UPSTREAM_PROTOCOL_ERROR: { status: 502, title: 'Backend sent an invalid response' },
  UPSTREAM_RESET: { status: 502, title: 'Backend closed the connection' },
  UPSTREAM_BLOCKED: { status: 502, title: 'Backend address is not allowed' },
  NO_TARGET: { status: 503, title: 'No target configured' },
  SHUTTING_DOWN: { status: 503, title: 'Shutting down' },
  STORE_UNAVAILABLE: { status: 503, title: 'Store unavailable' },
  UPSTREAM_TIMEOUT: { status: 504, title: 'Backend timed out' },
  LOOP_DETECTED: { status: 508, title: 'Proxy loop detected' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** An expected failure with a catalogue code; `detail` is safe to show to the caller. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail: string, extra?: Record<string, unknown>) {
    super(`${code}: ${detail}`);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.detail = detail;
    this.extra = extra;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  [extra: string]: unknown;
}

/** Renders any thrown value as a problem document; unknown errors never leak their message. */
export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) {
    return {
      ...error.extra,
      type: `https://adaptive-mock.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: ERRORS[error.code].title,
      status: error.status,
      detail: error.detail,
      code: error.code,
    };
  }
  return toProblem(new AppError('INTERNAL', 'An unexpected error occurred; see the server log.'));
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
