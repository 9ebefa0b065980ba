import { PAGE_CSP } from '../routes/page-routes.js';
import type { LoginOptions } from './auth-provider.js';

const AUTHORITY = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/**
 * The login page's Content-Security-Policy. In firebase mode the bundled SDK must reach
 * Google's sign-in APIs and open the auth domain's frame (and the emulator, when set);
 * every other page keeps the strict PAGE_CSP. Config values that are not plain host[:port]
 * are left out rather than spliced into a header.
 */
export function toLoginCsp(options: LoginOptions): string {
  if (options.provider !== 'firebase') return PAGE_CSP;
  const { authDomain, emulatorHost } = options.firebase;
  const emulator = emulatorHost && AUTHORITY.test(emulatorHost) ? [`http://${emulatorHost}`] : [];
  const connect = [
    "'self'",
    'https://identitytoolkit.googleapis.com',
    'https://securetoken.googleapis.com',
    ...emulator,
  ];
  const frames = [...(AUTHORITY.test(authDomain) ? [`https://${authDomain}`] : []), ...emulator];
  const csp = PAGE_CSP.replace("connect-src 'self'", `connect-src ${connect.join(' ')}`);
  return frames.length > 0 ? `${csp}; frame-src ${frames.join(' ')}` : csp;
}
