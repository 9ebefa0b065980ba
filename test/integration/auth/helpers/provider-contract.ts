import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthProvider, LoginForm } from '../../../../src/admin/auth/auth-provider.js';

/** One provider under test, with credentials it must accept and refuse. */
export interface ProviderFixture {
  provider: AuthProvider;
  validBearer: () => Promise<string>;
  validLogin: () => Promise<LoginForm>;
  /** Credentials that must be refused (empty only for `none`). */
  invalidBearers: () => Promise<string[]>;
  invalidLogins: () => Promise<LoginForm[]>;
  /** Makes the provider's key source fail and returns a provider with nothing cached. */
  breakKeys?: () => Promise<AuthProvider>;
  close?: () => Promise<void>;
}

/**
 * The one contract every auth provider passes (ARCHITECTURE.md principle 3): valid
 * credentials in, everything else out with a reason, no throw on any input, and no
 * acceptance when keys cannot be had.
 */
export function runProviderContract(name: string, setup: () => Promise<ProviderFixture>): void {
  describe(`auth provider contract: ${name}`, () => {
    let fixture: ProviderFixture;
    beforeAll(async () => {
      fixture = await setup();
    });
    afterAll(async () => {
      await fixture.close?.();
    });

    it('accepts its valid bearer credential and names a principal', async () => {
      const verdict = await fixture.provider.verifyBearer(await fixture.validBearer());
      expect(verdict.ok).toBe(true);
      if (verdict.ok) expect(verdict.principal.id).not.toBe('');
    });

    it('accepts its valid login form', async () => {
      expect((await fixture.provider.verifyLogin(await fixture.validLogin())).ok).toBe(true);
    });

    it('refuses every invalid bearer credential with 401 or 403 and a reason', async () => {
      const invalid = await fixture.invalidBearers();
      if (fixture.provider.kind !== 'none') expect(invalid.length).toBeGreaterThan(0);
      for (const token of invalid) {
        const verdict = await fixture.provider.verifyBearer(token);
        expect(verdict.ok, token).toBe(false);
        if (!verdict.ok) {
          expect([401, 403]).toContain(verdict.status);
          expect(verdict.reason.length).toBeGreaterThan(0);
        }
      }
    });

    it('refuses every invalid login form', async () => {
      for (const form of await fixture.invalidLogins()) {
        expect((await fixture.provider.verifyLogin(form)).ok, JSON.stringify(form)).toBe(false);
      }
    });

    it('never throws, and accepts arbitrary strings only when it is `none`', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 200 }), async (input) => {
          const verdict = await fixture.provider.verifyBearer(input);
          expect(verdict.ok).toBe(fixture.provider.kind === 'none');
          const login = await fixture.provider.verifyLogin({
            token: input,
            idToken: input,
            username: input,
            password: input,
          });
          if (fixture.provider.kind !== 'none') expect(login.ok).toBe(false);
        }),
        { seed: 4242, numRuns: 40 },
      );
    });

    it('describes its login method for the login page', async () => {
      expect((await fixture.provider.loginOptions()).provider).toBe(fixture.provider.kind);
    });

    it('fails closed when its keys cannot be fetched', async () => {
      if (!fixture.breakKeys) return;
      const broken = await fixture.breakKeys();
      expect((await broken.verifyBearer(await fixture.validBearer())).ok).toBe(false);
      expect((await broken.verifyLogin(await fixture.validLogin())).ok).toBe(false);
    });
  });
}
