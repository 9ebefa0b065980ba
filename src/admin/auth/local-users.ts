/** The settings key (store settings) that holds the local users. */
export const LOCAL_USERS_KEY = 'users';

const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

/** A named local user; only the scrypt hash of the password is stored. */
export interface LocalUser {
  name: string;
  passwordHash: string;
}

export function isValidUserName(name: string): boolean {
  return USER_NAME.test(name);
}

/**
 * Reads the users kept under `settings.users` (`{ name: { passwordHash } }`). The store is
 * data, not code: malformed entries are skipped and names such as `__proto__` are plain keys.
 */
export function readLocalUsers(settings: Record<string, unknown>): Map<string, LocalUser> {
  const users = new Map<string, LocalUser>();
  const raw = settings[LOCAL_USERS_KEY];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return users;
  for (const [name, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (!isValidUserName(name) || typeof entry !== 'object' || entry === null) continue;
    const hash = (entry as Record<string, unknown>).passwordHash;
    if (typeof hash === 'string') users.set(name, { name, passwordHash: hash });
  }
  return users;
}

/** The settings value to store after adding or replacing one user (for the CLI). */
export function putLocalUser(
  settings: Record<string, unknown>,
  user: LocalUser,
): Record<string, { passwordHash: string }> {
  if (!isValidUserName(user.name))
    throw new Error('User names are 1–64 letters, digits, or . _ @ -');
  const out: Record<string, { passwordHash: string }> = Object.create(null) as Record<
    string,
    { passwordHash: string }
  >;
  for (const existing of readLocalUsers(settings).values())
    out[existing.name] = { passwordHash: existing.passwordHash };
  out[user.name] = { passwordHash: user.passwordHash };
  return out;
}
