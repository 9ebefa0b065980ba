/** Who made a request, once authenticated. */
export interface Principal {
  /** Stable identifier: `admin-token`, a local user name, or the identity provider's `sub`. */
  id: string;
  kind: 'token' | 'user' | 'identity' | 'anonymous';
  email?: string;
}

/** The result of checking a credential; failures carry a reason that is safe to show. */
export type Verdict =
  | {
      ok: true;
      principal: Principal;
      /** Epoch ms when the credential stops being valid (an ID token's exp); none for tokens. */
      expiresAt?: number;
    }
  | {
      ok: false;
      /** 401: not authenticated; 403: authenticated but not an admin. */
      status: 401 | 403;
      reason: string;
    };

/** What a login form or the login page's script posts. Unknown fields are ignored. */
export interface LoginForm {
  token?: string;
  username?: string;
  password?: string;
  /** A Firebase or OIDC ID token. */
  idToken?: string;
  /** The nonce the OIDC login flow sent to the issuer (set by the server, not the browser). */
  nonce?: string;
}

/** Public facts the login page needs to offer the right sign-in method. */
export type LoginOptions =
  | { provider: 'local'; methods: ('token' | 'password')[] }
  | {
      provider: 'firebase';
      firebase: {
        apiKey: string;
        authDomain: string;
        projectId: string;
        appId?: string;
        emulatorHost?: string;
      };
    }
  | { provider: 'oidc'; startUrl: string }
  | { provider: 'none' };

export type ProviderKind = LoginOptions['provider'];

/**
 * One interface for every way of proving who you are (RELIABILITY.md §3.4): the local admin
 * token and users, Firebase, any OpenID Connect issuer, and the explicit `none`. Providers
 * never throw for bad input; every failure, including unreachable keys, is a refusal.
 */
export interface AuthProvider {
  readonly kind: ProviderKind;
  /** Checks a credential an API client sent as `Authorization: Bearer`. */
  verifyBearer(token: string): Promise<Verdict>;
  /** Checks what the login page posted; a success becomes a session. */
  verifyLogin(form: LoginForm): Promise<Verdict>;
  loginOptions(): Promise<LoginOptions>;
  /** Where to send the browser to sign in (OIDC only). */
  authorizationUrl?(request: {
    state: string;
    nonce: string;
    redirectUri: string;
  }): Promise<string | undefined>;
}

/** A refusal with a fixed shape, so providers word their failures consistently. */
export function refuse(reason: string, status: 401 | 403 = 401): Verdict {
  return { ok: false, status, reason };
}
