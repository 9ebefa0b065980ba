import type { IncomingMessage } from 'node:http';
import { tokenMatches } from './admin-token.js';

/** Who made a request, once authenticated. */
export interface Principal {
  id: string;
  kind: 'token' | 'user' | 'session';
}

/**
 * One interface for every way of proving who you are. The local bearer token is the
 * default; session cookies and identity providers implement the same contract.
 */
export interface Authenticator {
  authenticate(req: IncomingMessage): Promise<Principal | undefined>;
}

export function bearerOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}

/** The admin bearer token (ADMIN_TOKEN or the generated one), checked in constant time. */
export function createTokenAuthenticator(tokenHash: () => string): Authenticator {
  return {
    authenticate(req) {
      const token = bearerOf(req);
      if (!token) return Promise.resolve(undefined);
      return Promise.resolve(tokenMatches(token, tokenHash()) ? { id: 'admin-token', kind: 'token' } : undefined);
    },
  };
}
