import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../errors.js';
import type { Target } from '../state/runtime-state.js';
import type { AddressPolicy } from './address-policy.js';

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemLookupAll: LookupAll = (hostname) => dnsLookup(hostname, { all: true });

export interface ValidateTargetOptions {
  policy: AddressPolicy;
  /** Addresses (host:port) this process listens on: a target equal to one is a loop. */
  selfAddresses: () => { host: string; port: number }[];
  lookupAll?: LookupAll;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);

function sameListener(
  address: string,
  port: number,
  self: { host: string; port: number },
): boolean {
  if (port !== self.port) return false;
  const a = address.replace(/^::ffff:/, '');
  const b = self.host.replace(/^::ffff:/, '');
  if (a === b) return true;
  // A listener on a wildcard or loopback address answers any loopback target on that port.
  return LOOPBACK_NAMES.has(b) && (a.startsWith('127.') || a === '::1');
}

/**
 * Parses and checks a target URL: http/https only, no credentials, and every resolved
 * address must pass the address policy and differ from this proxy's own listeners.
 * The same policy is applied again at connect time (DNS can change in between).
 */
export async function validateTarget(
  input: unknown,
  options: ValidateTargetOptions,
): Promise<Target> {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new AppError(
      'INVALID_TARGET',
      'target_url must be a non-empty string such as http://localhost:3000',
    );
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError('INVALID_TARGET', `"${input.slice(0, 200)}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'INVALID_TARGET',
      `Only http and https targets are supported (got ${url.protocol})`,
    );
  }
  if (url.username || url.password) {
    throw new AppError('INVALID_TARGET', 'The target URL must not contain credentials');
  }
  if (url.search || url.hash) {
    throw new AppError('INVALID_TARGET', 'The target URL must not contain a query or fragment');
  }
  const protocol = url.protocol;
  const port = url.port ? Number(url.port) : protocol === 'https:' ? 443 : 80;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await (options.lookupAll ?? systemLookupAll)(hostname).catch(() => {
        throw new AppError('INVALID_TARGET', `Cannot resolve host "${hostname}"`);
      });
  if (addresses.length === 0)
    throw new AppError('INVALID_TARGET', `Cannot resolve host "${hostname}"`);
  for (const { address } of addresses) {
    const reason = options.policy.check(address, port, hostname);
    if (reason) throw new AppError('FORBIDDEN_TARGET', reason);
    if (options.selfAddresses().some((self) => sameListener(address, port, self))) {
      throw new AppError(
        'TARGET_LOOP',
        `${url.host} is this proxy itself; that would loop forever`,
      );
    }
  }
  const basePath = url.pathname.replace(/\/+$/, '');
  return {
    url: `${protocol}//${url.host}${basePath}`,
    protocol,
    hostname,
    port,
    basePath,
    authority: url.host,
  };
}
