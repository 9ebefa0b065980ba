import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../shared/app.css';

/** Sign-in with the admin token (the session cookie is set by the server). */
function Login() {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const response = await fetch('/admin/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (!response.ok) {
      setError('That token was not accepted.');
      return;
    }
    const next = new URLSearchParams(location.search).get('next');
    location.assign(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
  };
  return (
    <main>
      <section class="panel" style={{ maxWidth: '420px', margin: '60px auto' }}>
        <h2>Sign in to Adaptive Mock</h2>
        <form onSubmit={(e) => void submit(e)}>
          <label for="token">Admin token</label>
          <input id="token" type="password" value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
          <p>
            <button class="primary" type="submit">
              Sign in
            </button>
          </p>
          {error && <p class="error">{error}</p>}
        </form>
      </section>
    </main>
  );
}

render(<Login />, document.getElementById('app')!);
