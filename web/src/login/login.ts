import '../shared/app.css';

/** GET /admin/login/options (public values only; mirrors LoginOptions in src/admin/auth). */
type LoginOptions =
  | { provider: 'local'; methods: ('token' | 'password')[] }
  | { provider: 'firebase'; firebase: import('./firebase-sign-in.js').FirebaseWebConfig }
  | { provider: 'oidc'; startUrl: string }
  | { provider: 'none' };

/** Fixed texts keyed by the server's `?error=`; the query value itself is never shown. */
const MESSAGES: Record<string, string> = {
  denied: 'Those credentials were not accepted.',
  forbidden: 'This account is signed in but is not an admin here.',
  rate: 'Too many attempts from this address; wait a minute and try again.',
  unavailable: 'The identity provider cannot be reached right now; try again shortly.',
};

/** Same rule as the server's toSafeNext: a plain path on this site, else `/`. */
function safeNext(value: string | null): string {
  return value &&
    /^\/(?![/\\])[A-Za-z0-9\-._~/%]{0,511}$/.test(value) &&
    !value.startsWith('/admin/login')
    ? value
    : '/';
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`login page: #${id} is missing`);
  return found as T;
}

function showError(key: string | null): void {
  const box = element('login-error');
  const text = key === null ? undefined : MESSAGES[key];
  box.textContent = text ?? '';
  box.hidden = text === undefined;
}

/** Hands a Firebase ID token to the server, which sets the session cookie. */
async function openSession(idToken: string): Promise<boolean> {
  const response = await fetch('/admin/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ idToken }),
  });
  if (response.ok) return true;
  showError(response.status === 403 ? 'forbidden' : response.status === 429 ? 'rate' : 'denied');
  return false;
}

function setUpFirebase(
  config: import('./firebase-sign-in.js').FirebaseWebConfig,
  next: string,
): void {
  const form = element<HTMLFormElement>('firebase-form');
  form.hidden = false;
  const run = async (method: 'password' | 'google') => {
    showError(null);
    try {
      // The SDK is loaded only in firebase mode (a separate chunk, bundled from npm: no CDN).
      const { signInWithFirebase } = await import('./firebase-sign-in.js');
      const credentials = {
        email: element<HTMLInputElement>('email').value,
        password: element<HTMLInputElement>('firebase-password').value,
      };
      const idToken = await signInWithFirebase(
        config,
        method === 'google' ? 'google' : credentials,
      );
      if (await openSession(idToken)) location.assign(next);
    } catch {
      showError('denied');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run('password');
  });
  element('google').addEventListener('click', () => void run('google'));
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const next = safeNext(params.get('next'));
  showError(params.get('error'));
  const response = await fetch('/admin/login/options', { headers: { accept: 'application/json' } });
  const options = (await response.json()) as LoginOptions;
  const local = options.provider === 'local';
  element('token-form').hidden = !local;
  element('password-form').hidden = !(local && options.methods.includes('password'));
  switch (options.provider) {
    case 'none':
      location.replace(next);
      return;
    case 'oidc': {
      element('oidc-panel').hidden = false;
      element<HTMLAnchorElement>('oidc-link').href =
        `${options.startUrl}?next=${encodeURIComponent(next)}`;
      return;
    }
    case 'firebase':
      setUpFirebase(options.firebase, next);
      return;
    case 'local':
      return;
  }
}

void start();
