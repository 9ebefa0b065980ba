import type { ConfigView, ProblemView } from '../../../src/contract/admin-api.js';

/** An admin API failure carrying the server's problem document. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemView) {
    super(problem.detail || problem.title);
  }
}

/** Small typed client: same-origin, session cookie, JSON in and out, problems as ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 401) {
    window.location.assign(`/admin/login?next=${encodeURIComponent(window.location.pathname)}`);
    throw new ApiError({ type: '', title: 'Unauthorized', status: 401, detail: 'Sign in again.', code: 'UNAUTHORIZED' });
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) throw new ApiError(data as ProblemView);
  return data as T;
}

export const getConfig = () => api<ConfigView>('/admin/config');
