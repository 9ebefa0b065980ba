import { randomBytes } from 'node:crypto';

/**
 * Short-lived, single-use tickets for the live WebSocket: a browser cannot set an
 * Authorization header on a WebSocket, and a long-lived token must never sit in a URL.
 */
export class TicketBook {
  private readonly tickets = new Map<string, { expiresAt: number; sessionExpiresAt: number | undefined }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  issue(sessionExpiresAt?: number): { ticket: string; expiresAt: number } {
    this.prune();
    const ticket = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.tickets.set(ticket, { expiresAt, sessionExpiresAt });
    return { ticket, expiresAt };
  }

  /** Consumes a ticket; returns the session expiry it carries, or false when invalid. */
  redeem(ticket: string): { ok: true; sessionExpiresAt: number | undefined } | { ok: false } {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!entry || entry.expiresAt < this.now()) return { ok: false };
    return { ok: true, sessionExpiresAt: entry.sessionExpiresAt };
  }

  private prune(): void {
    const at = this.now();
    for (const [ticket, entry] of this.tickets) if (entry.expiresAt < at) this.tickets.delete(ticket);
  }
}
