/**
 * Whether a status counts as an error for health: no response at all (0) or a 5xx.
 * 4xx answers are the API working as designed (not found, unauthorised), not an outage.
 */
export function isErrorStatus(status: number): boolean {
  return status === 0 || status >= 500;
}
