import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { AddressPolicy } from '../net/address-policy.js';
import type { Target } from '../state/runtime-state.js';

export interface UpstreamPoolOptions {
  policy: AddressPolicy;
  maxSockets: number;
  /** Injected resolver for tests (no real DNS); defaults to the system resolver. */
  lookup?: LookupFunction;
}

export interface UpstreamPool {
  /** The keep-alive agent for a target; one per target, reused across requests. */
  agentFor(target: Target): HttpAgent;
  /** Closes the agents of targets other than `keep` once their in-flight requests end. */
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

/**
 * One keep-alive agent per target (pooling: item 39 of RELIABILITY.md). Every new
 * connection resolves through `lookup`, which refuses any resolved address the policy
 * rejects, so a name that re-binds to a forbidden address after validation never connects.
 */
export function createUpstreamPool(options: UpstreamPoolOptions): UpstreamPool {
  const agents = new Map<string, HttpAgent>();
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

  return {
    agentFor(target) {
      let agent = agents.get(target.url);
      if (!agent) {
        const agentOptions = {
          keepAlive: true,
          maxSockets: options.maxSockets,
          maxFreeSockets: options.maxSockets,
          scheduling: 'lifo' as const,
          lookup: lookupFor(target),
        };
        agent =
          target.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
        agents.set(target.url, agent);
      }
      return agent;
    },
    retire(keep) {
      for (const [url, agent] of agents) {
        if (url === keep?.url) continue;
        agents.delete(url);
        // Free sockets close now; busy ones are closed by the agent when their request ends.
        const closeIdle = () => {
          const busy = Object.values(agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
          if (busy === 0) agent.destroy();
          else setTimeout(closeIdle, 250).unref();
        };
        closeIdle();
      }
    },
    close() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
