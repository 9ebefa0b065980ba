import type { Exchange } from '../exchange.js';
import type { HealthObservation } from './evaluate-exchange.js';

/**
 * What an exchange tells about the upstream's health, or undefined when it tells nothing:
 * mock and chaos responses never reached it, a client abort cut the timing short, and a
 * rejected request was never forwarded. A failover is kept as a failed upstream call
 * (status 0): in the default failover mode an outage is answered entirely by failovers,
 * and dropping them would hide exactly the outage the error detector exists for.
 */
export function toHealthObservation(exchange: Exchange): HealthObservation | undefined {
  if (exchange.source === 'mock' || exchange.source === 'chaos') return undefined;
  if (exchange.outcome === 'client_aborted' || exchange.outcome === 'rejected') return undefined;
  const failedOver = exchange.source === 'failover';
  return {
    at: exchange.startedAt,
    latencyMs: exchange.latencyMs,
    status: failedOver ? 0 : exchange.status,
    responseSize: failedOver ? 0 : exchange.responseSize,
  };
}
