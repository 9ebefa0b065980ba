import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../routes/page-routes.js';
import { toLoginCsp } from './to-login-csp.js';

const firebase = (authDomain: string, emulatorHost?: string) =>
  ({
    provider: 'firebase',
    firebase: {
      apiKey: 'k',
      authDomain,
      projectId: 'p',
      ...(emulatorHost ? { emulatorHost } : {}),
    },
  }) as const;

describe('toLoginCsp', () => {
  it('keeps the strict page policy for every provider but firebase', () => {
    expect(toLoginCsp({ provider: 'local', methods: ['token'] })).toBe(PAGE_CSP);
    expect(toLoginCsp({ provider: 'oidc', startUrl: '/admin/login/oidc' })).toBe(PAGE_CSP);
  });

  it("lets the Firebase SDK reach Google's sign-in APIs and the auth domain, scripts still 'self' only", () => {
    const csp = toLoginCsp(firebase('demo.firebaseapp.com'));
    expect(csp).toContain(
      "connect-src 'self' https://identitytoolkit.googleapis.com https://securetoken.googleapis.com;",
    );
    expect(csp).toMatch(/; frame-src https:\/\/demo\.firebaseapp\.com$/);
    expect(csp).toContain("script-src 'self';");
  });

  it('adds the emulator and drops values that are not host[:port]', () => {
    expect(toLoginCsp(firebase('demo.firebaseapp.com', '127.0.0.1:9099'))).toContain(
      'frame-src https://demo.firebaseapp.com http://127.0.0.1:9099',
    );
    const injected = toLoginCsp(firebase("x.com; script-src 'unsafe-inline'"));
    expect(injected).not.toContain("script-src 'unsafe-inline'");
    expect(injected).not.toContain('frame-src');
  });
});
