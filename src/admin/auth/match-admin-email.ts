/**
 * Returns the verified e-mail of an identity when the allow-list names it or its domain
 * (`alice@example.com`, `@example.com` or `example.com`), else undefined. Any account of an
 * identity provider is not an admin (the prototype let every Firebase user in).
 */
export function matchAdminEmail(
  claims: Record<string, unknown>,
  allowList: readonly string[],
): string | undefined {
  const email = claims.email;
  if (claims.email_verified !== true || typeof email !== 'string') return undefined;
  const lower = email.toLowerCase();
  const at = lower.indexOf('@');
  if (at < 1 || at !== lower.lastIndexOf('@') || at === lower.length - 1) return undefined;
  const domain = lower.slice(at + 1);
  for (const raw of allowList) {
    const entry = raw.trim().toLowerCase();
    if (entry.includes('@') && !entry.startsWith('@')) {
      if (entry === lower) return email;
    } else if (entry.replace(/^@/, '') === domain) {
      return email;
    }
  }
  return undefined;
}
