import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  importPKCS8,
  importX509,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose';

type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;

export interface TokenKit {
  kid: string;
  privateKey: SigningKey;
  /** The public key as a JWKS entry. */
  jwk: JWK;
  /** The public key as an X.509 certificate (PEM), when made with openssl. */
  certificate?: string;
  /** The PEM of the public key, for the HS256 confusion attack. */
  publicPem: string;
  /** Signs exactly the given claims (RELIABILITY.md §3.3: no setter overwrites them). */
  sign(claims: JWTPayload, header?: Record<string, unknown>): Promise<string>;
}

async function kitFrom(
  kid: string,
  privateKey: SigningKey,
  publicKey: SigningKey,
  certificate?: string,
): Promise<TokenKit> {
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const publicPem = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return {
    kid,
    privateKey,
    jwk,
    publicPem,
    ...(certificate ? { certificate } : {}),
    sign: (claims, header = {}) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, ...header }).sign(privateKey),
  };
}

/** A fresh RSA key pair made with jose (the JWKS variant). */
export async function createTokenKit(kid = 'k1'): Promise<TokenKit> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return kitFrom(kid, privateKey, publicKey);
}

/** A key and self-signed certificate made with openssl at test time (the X.509-map variant). */
export async function createX509TokenKit(kid = 'k1'): Promise<TokenKit> {
  const dir = mkdtempSync(join(tmpdir(), 'am-x509-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=test',
      ],
      { stdio: 'ignore' },
    );
    const privatePem = readFileSync(join(dir, 'k.pem'), 'utf8');
    const certificate = readFileSync(join(dir, 'c.pem'), 'utf8');
    const privateKey = await importPKCS8(privatePem, 'RS256', { extractable: true });
    const publicKey = await importX509(certificate, 'RS256', { extractable: true });
    return kitFrom(kid, privateKey, publicKey, certificate);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Claims of a valid Firebase ID token for `projectId` at `nowS` (catalogue item 79). */
export function firebaseClaims(
  projectId: string,
  nowS: number,
  extra: JWTPayload = {},
): JWTPayload {
  return {
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    sub: 'uid-1',
    iat: nowS - 10,
    auth_time: nowS - 100,
    exp: nowS + 3600,
    email: 'admin@example.com',
    email_verified: true,
    ...extra,
  };
}
