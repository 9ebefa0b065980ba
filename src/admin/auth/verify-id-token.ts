import {
  decodeProtectedHeader,
  errors,
  jwtVerify,
  UnsecuredJWT,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import type { KeyFetcher } from './create-key-fetcher.js';

export interface IdTokenPolicy {
  issuer: string;
  audience: string;
  keys: KeyFetcher;
  /** Seconds of clock skew allowed on exp, iat and auth_time. */
  toleranceS: number;
  now: () => number;
  /** Firebase requires auth_time; for OIDC it is checked only when present. */
  requireAuthTime: boolean;
  /** Firebase uids are at most 128 characters; OIDC subjects at most 255. */
  maxSubjectLength: number;
  /** The nonce sent in the OIDC authorization request, when verifying its answer. */
  nonce?: string;
  /** The Firebase Auth emulator signs nothing (alg none); only ever set on a loopback bind. */
  allowUnsigned?: boolean;
}

export type IdTokenResult = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/** Compact JWS, bounded: anything else is refused before any parsing or key lookup. */
const COMPACT_JWS = /^[A-Za-z0-9_-]{2,2048}\.[A-Za-z0-9_-]{2,6144}\.[A-Za-z0-9_-]{0,2048}$/;

function fail(reason: string): IdTokenResult {
  return { ok: false, reason };
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token's "${error.claim}" claim is not valid.`;
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The token signature does not verify.';
  return 'The token could not be verified.';
}

function readHeader(token: string): ProtectedHeaderParameters | undefined {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}

/**
 * The checks jose leaves to us (RELIABILITY.md §3.2): `aud` must be one string, `sub` a
 * non-empty bounded string, and `iat`/`auth_time` not in the future.
 */
function checkClaims(claims: JWTPayload, policy: IdTokenPolicy): IdTokenResult {
  const nowS = Math.floor(policy.now() / 1000);
  const latest = nowS + policy.toleranceS;
  const authTime = claims.auth_time;
  if (typeof claims.aud !== 'string') return fail('The token\'s "aud" must be a single audience.');
  if (
    typeof claims.sub !== 'string' ||
    claims.sub.length === 0 ||
    claims.sub.length > policy.maxSubjectLength
  ) {
    return fail('The token\'s "sub" is missing or not valid.');
  }
  if (typeof claims.iat !== 'number' || claims.iat > latest)
    return fail('The token\'s "iat" is in the future.');
  if (typeof claims.exp !== 'number') return fail('The token has no "exp".');
  if (policy.requireAuthTime || authTime !== undefined) {
    if (typeof authTime !== 'number' || authTime > latest)
      return fail('The token\'s "auth_time" is missing or in the future.');
  }
  if (policy.nonce !== undefined && claims.nonce !== policy.nonce)
    return fail('The token was not issued for this sign-in.');
  return { ok: true, claims };
}

/**
 * Verifies an ID token (Firebase or OpenID Connect): RS256 only, a `kid` naming a key from
 * the configured key source, exact issuer and audience, and the time claims with a small
 * tolerance against an injectable clock. Never throws; unreachable keys are a refusal.
 */
export async function verifyIdToken(token: string, policy: IdTokenPolicy): Promise<IdTokenResult> {
  if (!COMPACT_JWS.test(token)) return fail('The bearer token is not a JWT.');
  const header = readHeader(token);
  if (!header) return fail('The token header cannot be read.');
  const required = ['sub', 'iat', 'exp', ...(policy.requireAuthTime ? ['auth_time'] : [])];
  const timing = { clockTolerance: policy.toleranceS, currentDate: new Date(policy.now()) };
  if (header.alg === 'none' && policy.allowUnsigned) {
    try {
      const { payload } = UnsecuredJWT.decode(token, {
        issuer: policy.issuer,
        audience: policy.audience,
        requiredClaims: required,
        ...timing,
      });
      return checkClaims(payload, policy);
    } catch (error) {
      return fail(describeJoseError(error));
    }
  }
  if (header.alg !== 'RS256') return fail('Only RS256-signed tokens are accepted.');
  if (typeof header.kid !== 'string' || header.kid === '')
    return fail('The token names no signing key (kid).');
  let key;
  try {
    key = await policy.keys.keyFor(header.kid);
  } catch {
    return fail(
      'The signing keys cannot be fetched right now, so no token can be verified; try again shortly.',
    );
  }
  if (!key) return fail('No published signing key matches the token (it may be too old).');
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['RS256'],
      issuer: policy.issuer,
      audience: policy.audience,
      requiredClaims: required,
      ...timing,
    });
    return checkClaims(payload, policy);
  } catch (error) {
    return fail(describeJoseError(error));
  }
}
