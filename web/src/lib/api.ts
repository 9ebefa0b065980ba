import type { ConfigView, ProblemView } from '../../../src/contract/admin-api.js';

/** An admin API failure carrying the server's problem document. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemView) {
    super(problem.detail || problem.title);
  }
}

interface RequestInit {
  method?: string;
  body?: unknown;
}

/** Sends one same-origin request with the session cookie; failures become ApiError. */
async function send(path: string, init: RequestInit, accept: string): Promise<Response> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? { accept } : { 'content-type': 'application/json', accept },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 401) {
    window.location.assign(`/admin/login?next=${encodeURIComponent(window.location.pathname)}`);
    throw new ApiError(problemOf(401, 'Sign in again.'));
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  return response;
}

function problemOf(status: number, detail: string): ProblemView {
  return { type: '', title: `HTTP ${status}`, status, detail, code: 'HTTP_ERROR' };
}

/** A problem document when the server sent one; a proxy in front may answer with anything. */
async function readProblem(response: Response): Promise<ProblemView> {
  const text = await response.text();
  try {
    const data = JSON.parse(text) as Partial<ProblemView> | null;
    if (data && typeof data.detail === 'string')
      return { ...problemOf(response.status, ''), ...data };
  } catch {
    // Not JSON: fall through to a generic problem.
  }
  return problemOf(response.status, `The server answered ${response.status}.`);
}

/** Small typed client: same-origin, session cookie, JSON in and out, problems as ApiError. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const text = await (await send(path, init, 'application/json')).text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Like api() for routes answering plain text (type exports). */
export async function apiText(path: string): Promise<string> {
  return (await send(path, {}, 'text/plain, application/json')).text();
}

/** Builds a path with a query string from defined values only. */
export function withQuery(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const getConfig = () => api<ConfigView>('/admin/config');

/** Whether this browser holds a session; unlike api(), a 401 here is an answer, not a redirect. */
export async function hasSession(): Promise<boolean> {
  const response = await fetch('/admin/session', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  return response.ok;
}
