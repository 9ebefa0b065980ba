import ipaddr from 'ipaddr.js';

/**
 * Which upstream addresses the proxy may connect to. Link-local (cloud metadata lives at
 * 169.254.169.254), unspecified, multicast and broadcast addresses are always refused;
 * loopback and private ranges are allowed because a local backend is the normal case.
 * With an allow-list, only listed hosts, host:port pairs or CIDR ranges pass
 * (allow is evaluated before the always-deny ranges, as WireMock does).
 */
export interface AddressPolicy {
  /** Returns a reason when the address may not be used, undefined when it may. */
  check(address: string, port: number, hostname?: string): string | undefined;
}

const ALWAYS_DENIED = new Set(['linkLocal', 'unspecified', 'multicast', 'broadcast', 'reserved']);

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  try {
    const parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
      return (parsed as ipaddr.IPv6).toIPv4Address();
    }
    return parsed;
  } catch {
    return undefined;
  }
}

interface AllowEntry {
  host?: string;
  port?: number;
  cidr?: [ipaddr.IPv4 | ipaddr.IPv6, number];
}

function parseAllowEntry(entry: string): AllowEntry {
  if (entry.includes('/')) return { cidr: ipaddr.parseCIDR(entry) };
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
  const host = (match?.[1] ?? entry).replace(/^\[|\]$/g, '').toLowerCase();
  return match?.[2] ? { host, port: Number(match[2]) } : { host };
}

export function createAddressPolicy(allowlist: readonly string[]): AddressPolicy {
  const entries = allowlist.map(parseAllowEntry);
  return {
    check(address, port, hostname) {
      const ip = normalise(address);
      if (!ip) return `"${address}" is not an IP address`;
      const range = ip.range();
      if (ALWAYS_DENIED.has(range))
        return `${address} is in the ${range} range, which is never proxied`;
      if (entries.length === 0) return undefined;
      const allowed = entries.some((e) => {
        if (e.port !== undefined && e.port !== port) return false;
        if (e.cidr) return ip.kind() === e.cidr[0].kind() && ip.match(e.cidr);
        const host = e.host ?? '';
        const hostIp = normalise(host);
        if (hostIp) return hostIp.kind() === ip.kind() && hostIp.toString() === ip.toString();
        return hostname !== undefined && hostname.toLowerCase() === host;
      });
      return allowed ? undefined : `${hostname ?? address}:${port} is not in TARGET_ALLOWLIST`;
    },
  };
}
