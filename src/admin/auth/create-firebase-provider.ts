import { decodeJwt } from 'jose';
import { refuse, type AuthProvider, type Verdict } from './auth-provider.js';
import type { KeyFetcher } from './create-key-fetcher.js';
import { matchAdminEmail } from './match-admin-email.js';
import { verifyIdToken } from './verify-id-token.js';

/** Seconds of clock skew tolerated on exp, iat and auth_time (RELIABILITY.md §3.1: 30–60 s). */
export const ID_TOKEN_TOLERANCE_S = 30;

/** A custom token (minted by the Admin SDK) has this audience; it is not an ID token. */
const CUSTOM_TOKEN_AUDIENCE =
  'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit';

export interface FirebaseProviderOptions {
  projectId: string;
  /** Web config for the login page; public values. */
  apiKey?: string;
  authDomain?: string;
  appId?: string;
  keys: KeyFetcher;
  adminEmails: readonly string[];
  /** The Auth emulator's host:port: unsigned tokens are accepted (loopback binds only). */
  emulatorHost?: string;
  toleranceS?: number;
  now?: () => number;
}

function isCustomToken(token: string): boolean {
  try {
    return decodeJwt(token).aud === CUSTOM_TOKEN_AUDIENCE;
  } catch {
    return false;
  }
}

/**
 * Firebase Authentication: ID tokens verified as firebase-admin does (RELIABILITY.md §3.1),
 * plus the e-mail allow-list that decides who is an admin.
 */
export function createFirebaseProvider(options: FirebaseProviderOptions): AuthProvider {
  const policy = {
    issuer: `https://securetoken.google.com/${options.projectId}`,
    audience: options.projectId,
    keys: options.keys,
    toleranceS: options.toleranceS ?? ID_TOKEN_TOLERANCE_S,
    now: options.now ?? Date.now,
    requireAuthTime: true,
    maxSubjectLength: 128,
    allowUnsigned: options.emulatorHost !== undefined,
  };
  const verify = async (token: string): Promise<Verdict> => {
    if (isCustomToken(token)) {
      return refuse(
        'A Firebase custom token was sent: sign in with signInWithCustomToken and send the ID token it yields.',
      );
    }
    const result = await verifyIdToken(token, policy);
    if (!result.ok) return refuse(result.reason);
    const email = matchAdminEmail(result.claims, options.adminEmails);
    if (!email)
      return refuse(
        'This account is not an admin here (ADMIN_EMAILS, verified e-mail required).',
        403,
      );
    return {
      ok: true,
      principal: { id: String(result.claims.sub), kind: 'identity', email },
      expiresAt: (result.claims.exp ?? 0) * 1000,
    };
  };
  return {
    kind: 'firebase',
    verifyBearer: verify,
    verifyLogin: (form) =>
      typeof form.idToken === 'string'
        ? verify(form.idToken)
        : Promise.resolve(refuse('Send the Firebase ID token.')),
    loginOptions: () =>
      Promise.resolve({
        provider: 'firebase',
        firebase: {
          apiKey: options.apiKey ?? '',
          authDomain: options.authDomain ?? `${options.projectId}.firebaseapp.com`,
          projectId: options.projectId,
          ...(options.appId ? { appId: options.appId } : {}),
          ...(options.emulatorHost ? { emulatorHost: options.emulatorHost } : {}),
        },
      }),
  };
}
