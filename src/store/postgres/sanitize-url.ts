/** Query parameters of a connection URL that carry secrets. */
const SECRET_PARAMS = new Set(['password', 'sslpassword', 'sslkey', 'passfile']);

/**
 * A connection URL safe to log or show: the password and secret query parameters are
 * replaced by `***`. An unparsable URL is never echoed back (it may hold a password).
 */
export function sanitizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(unparsable database URL)';
  }
  if (parsed.password) parsed.password = '***';
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.has(key.toLowerCase())) parsed.searchParams.set(key, '***');
  }
  return parsed.toString();
}
