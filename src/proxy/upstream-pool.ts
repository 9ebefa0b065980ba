import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Pool } from 'undici';
import type { AddressPolicy } from '../net/address-policy.js';
import type { Target } from '../state/runtime-state.js';
import { createNodeTransport } from './node-transport.js';
import { createUndiciTransport } from './undici-transport.js';
import type { UpstreamTransport } from './upstream-transport.js';

export interface UpstreamPoolOptions {
  policy: AddressPolicy;
  maxSockets: number;
  connectTimeoutMs: number;
  /** Injected resolver for tests (no real DNS); defaults to the system resolver. */
  lookup?: LookupFunction;
}

export interface UpstreamPool {
  /** How requests to this target are sent right now. */
  transportFor(target: Target): UpstreamTransport;
  /**
   * Sends this target's requests through node:http from now on: it answered with something
   * undici refuses to parse (an unsolicited 100 Continue) but HTTP allows.
   */
  useTolerantTransport(target: Target): void;
  /** Closes the connections of targets other than `keep` once their in-flight requests end. */
  retire(keep: Target | undefined): void;
  close(): void;
}

export class BlockedAddressError extends Error {
  readonly code = 'EADDRBLOCKED';
  constructor(reason: string) {
    super(reason);
    this.name = 'BlockedAddressError';
  }
}

interface Connections {
  pool?: Pool;
  agent?: HttpAgent;
  tolerant: boolean;
}

/**
 * Keep-alive connections per target (pooling: item 39 of RELIABILITY.md), through undici
 * by default and node:http for a target that needs it (docs/decisions/0006). Every new
 * connection of either kind resolves through `lookup`, which refuses any resolved address
 * the policy rejects, so a name that re-binds to a forbidden address never connects.
 */
export function createUpstreamPool(options: UpstreamPoolOptions): UpstreamPool {
  const targets = new Map<string, Connections>();
  const baseLookup = options.lookup ?? dnsLookup;

  const lookupFor =
    (target: Target): LookupFunction =>
    (hostname, lookupOptions, callback) => {
      baseLookup(hostname, { ...lookupOptions, all: true }, (err, result) => {
        if (err) return callback(err, '', 0);
        const list = Array.isArray(result) ? result : [{ address: result, family: 4 }];
        for (const entry of list) {
          const reason = options.policy.check(entry.address, target.port, target.hostname);
          if (reason) {
            return callback(new BlockedAddressError(reason), '', 0);
          }
        }
        const first = list[0];
        if (!first) return callback(new Error(`No address for ${hostname}`), '', 0);
        if (lookupOptions.all) {
          (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        } else {
          callback(null, first.address, first.family);
        }
      });
    };

  const connectionsOf = (target: Target): Connections => {
    let entry = targets.get(target.url);
    if (!entry) {
      entry = { tolerant: false };
      targets.set(target.url, entry);
    }
    return entry;
  };

  const poolFor = (target: Target): Pool => {
    const entry = connectionsOf(target);
    entry.pool ??= new Pool(`${target.protocol}//${target.authority}`, {
      connections: options.maxSockets,
      connect: { lookup: lookupFor(target), timeout: options.connectTimeoutMs },
    });
    return entry.pool;
  };

  const agentFor = (target: Target): HttpAgent => {
    const entry = connectionsOf(target);
    if (!entry.agent) {
      const agentOptions = {
        keepAlive: true,
        maxSockets: options.maxSockets,
        maxFreeSockets: options.maxSockets,
        scheduling: 'lifo' as const,
        lookup: lookupFor(target),
      };
      entry.agent =
        target.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    }
    return entry.agent;
  };

  const fast = createUndiciTransport(poolFor);
  const tolerant = createNodeTransport(agentFor, options.connectTimeoutMs);

  const closeAgent = (agent: HttpAgent) => {
    // Free sockets close now; busy ones are closed by the agent when their request ends.
    const busy = Object.values(agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
    if (busy === 0) agent.destroy();
    else setTimeout(() => closeAgent(agent), 250).unref();
  };

  return {
    transportFor: (target) => (targets.get(target.url)?.tolerant ? tolerant : fast),
    useTolerantTransport(target) {
      connectionsOf(target).tolerant = true;
    },
    retire(keep) {
      for (const [url, entry] of targets) {
        if (url === keep?.url) continue;
        targets.delete(url);
        // close() lets running requests finish first.
        entry.pool?.close().catch(() => undefined);
        if (entry.agent) closeAgent(entry.agent);
      }
    },
    close() {
      for (const entry of targets.values()) {
        entry.pool?.destroy().catch(() => undefined);
        entry.agent?.destroy();
      }
      targets.clear();
    },
  };
}
