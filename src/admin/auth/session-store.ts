import { randomBytes } from 'node:crypto';
import type { Principal } from './auth-provider.js';

export interface Session {
  id: string;
  principal: Principal;
  createdAt: number;
  expiresAt: number;
}

/**
 * Dashboard sign-ins, kept in memory (a restart signs everyone out). Ids are 32 random
 * bytes; the lifetime is fixed, not sliding, so a live socket can be closed when it ends.
 * The number of sessions is bounded: the oldest goes first.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxSessions = 10_000,
  ) {}

  create(principal: Principal): Session {
    if (this.sessions.size >= this.maxSessions) this.prune();
    const at = this.now();
    const session = {
      id: randomBytes(32).toString('base64url'),
      principal,
      createdAt: at,
      expiresAt: at + this.ttlMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  size(): number {
    return this.sessions.size;
  }

  private prune(): void {
    const at = this.now();
    for (const [id, session] of this.sessions)
      if (session.expiresAt <= at) this.sessions.delete(id);
    while (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (oldest.done) break;
      this.sessions.delete(oldest.value);
    }
  }
}
