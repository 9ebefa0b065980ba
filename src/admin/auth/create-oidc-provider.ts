import { isSafeFetchUrl } from '../../config/load-config.js';
import { refuse, type AuthProvider, type Verdict } from './auth-provider.js';
import { createKeyFetcher, type KeyFetcher } from './create-key-fetcher.js';
import { ID_TOKEN_TOLERANCE_S } from './create-firebase-provider.js';
import { fetchJson } from './fetch-json.js';
import { matchAdminEmail } from './match-admin-email.js';
import { verifyIdToken } from './verify-id-token.js';

export interface OidcProviderOptions {
  /** Exactly as the issuer names itself in its discovery document and tokens. */
  issuer: string;
  clientId: string;
  adminEmails: readonly string[];
  timeoutMs?: number;
  cooldownMs?: number;
  toleranceS?: number;
  now?: () => number;
}

interface Discovery {
  authorizationEndpoint: string;
  keys: KeyFetcher;
}

/** The discovery document is re-read hourly; a failure is retried after the cooldown. */
const DISCOVERY_TTL_MS = 3600_000;

/**
 * Any OpenID Connect issuer: discovery names the JWKS and the authorization endpoint; ID
 * tokens are verified like Firebase's (RS256, kid, exact iss and aud, times) and admins are
 * decided by the same e-mail allow-list. Sign-in uses the implicit `id_token` response with
 * `form_post` and a nonce, which needs no client secret.
 */
export function createOidcProvider(options: OidcProviderOptions): AuthProvider {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 3000;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const discoveryUrl = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let discovery: { value: Discovery; jwksUri: string; until: number } | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;

  const discover = async (): Promise<Discovery | undefined> => {
    if (discovery && now() < discovery.until) return discovery.value;
    if (now() - failedAt < cooldownMs) return discovery?.value;
    try {
      const { body } = await fetchJson(discoveryUrl, timeoutMs);
      const doc = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >;
      // OIDC Discovery §4.3: the document must name exactly the issuer we were configured with.
      if (doc.issuer !== options.issuer) throw new Error('discovery issuer mismatch');
      if (!isSafeFetchUrl(doc.jwks_uri) || !isSafeFetchUrl(doc.authorization_endpoint))
        throw new Error('bad discovery URLs');
      const keys =
        discovery?.jwksUri === doc.jwks_uri
          ? discovery.value.keys
          : createKeyFetcher({ url: doc.jwks_uri, timeoutMs, cooldownMs, now });
      discovery = {
        value: { authorizationEndpoint: doc.authorization_endpoint, keys },
        jwksUri: doc.jwks_uri,
        until: now() + DISCOVERY_TTL_MS,
      };
      return discovery.value;
    } catch {
      failedAt = now();
      return discovery?.value;
    }
  };

  const verify = async (token: string, nonce?: string): Promise<Verdict> => {
    const found = await discover();
    if (!found)
      return refuse(
        'The identity provider cannot be reached, so no token can be verified; try again shortly.',
      );
    const result = await verifyIdToken(token, {
      issuer: options.issuer,
      audience: options.clientId,
      keys: found.keys,
      toleranceS: options.toleranceS ?? ID_TOKEN_TOLERANCE_S,
      now,
      requireAuthTime: false,
      maxSubjectLength: 255,
      ...(nonce === undefined ? {} : { nonce }),
    });
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
    kind: 'oidc',
    verifyBearer: (token) => verify(token),
    // A login must answer our own authorization request: without its nonce, a token
    // obtained elsewhere (or replayed) does not open a session.
    verifyLogin: (form) =>
      typeof form.idToken === 'string' && typeof form.nonce === 'string' && form.nonce !== ''
        ? verify(form.idToken, form.nonce)
        : Promise.resolve(refuse('Sign in through the identity provider.')),
    loginOptions: () => Promise.resolve({ provider: 'oidc', startUrl: '/admin/login/oidc' }),
    async authorizationUrl({ state, nonce, redirectUri }) {
      const found = await discover();
      if (!found) return undefined;
      const url = new URL(found.authorizationEndpoint);
      url.searchParams.set('response_type', 'id_token');
      url.searchParams.set('response_mode', 'form_post');
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', 'openid email');
      url.searchParams.set('state', state);
      url.searchParams.set('nonce', nonce);
      return url.toString();
    },
  };
}
