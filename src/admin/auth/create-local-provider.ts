import { tokenMatches } from './admin-token.js';
import { refuse, type AuthProvider, type Verdict } from './auth-provider.js';
import { hashPassword, verifyPassword } from './hash-password.js';
import type { LocalUser } from './local-users.js';

export interface LocalProviderOptions {
  /** SHA-256 of the admin token (ADMIN_TOKEN or the generated one). */
  tokenHash: () => string;
  /** The named users (read from the store settings on every login, so CLI changes apply). */
  loadUsers: () => Promise<Map<string, LocalUser>>;
}

const WRONG_TOKEN = 'The admin token is not valid.';
const WRONG_PASSWORD = 'Unknown user or wrong password.';

/** Checks a presented admin token against its stored hash (constant time). */
export function checkAdminToken(token: string, tokenHash: string): Verdict {
  return tokenMatches(token, tokenHash)
    ? { ok: true, principal: { id: 'admin-token', kind: 'token' } }
    : refuse(WRONG_TOKEN);
}

/**
 * The default provider: the admin token for API clients and the login page, plus optional
 * named users with scrypt-hashed passwords for teams.
 */
export function createLocalProvider(options: LocalProviderOptions): AuthProvider {
  // Unknown users cost one scrypt too, so timing does not reveal which names exist.
  let decoy: Promise<string> | undefined;
  return {
    kind: 'local',
    verifyBearer: (token) => Promise.resolve(checkAdminToken(token, options.tokenHash())),
    async verifyLogin(form) {
      if (typeof form.token === 'string' && form.token !== '')
        return checkAdminToken(form.token, options.tokenHash());
      if (
        typeof form.username !== 'string' ||
        typeof form.password !== 'string' ||
        form.password === ''
      ) {
        return refuse('Send the admin token, or a user name and password.');
      }
      const user = (await options.loadUsers()).get(form.username);
      decoy ??= hashPassword('decoy password');
      const ok = await verifyPassword(form.password, user?.passwordHash ?? (await decoy));
      return ok && user
        ? { ok: true, principal: { id: user.name, kind: 'user' } }
        : refuse(WRONG_PASSWORD);
    },
    async loginOptions() {
      const users = await options.loadUsers();
      return { provider: 'local', methods: users.size > 0 ? ['token', 'password'] : ['token'] };
    },
  };
}
