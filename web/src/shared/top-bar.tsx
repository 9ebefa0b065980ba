import { api } from '../lib/api.js';

const LINKS = [
  { href: '/', label: 'Control Deck' },
  { href: '/admin/explorer', label: 'Explorer' },
  { href: '/admin/docs', label: 'API docs' },
  { href: '/landing', label: 'Guide' },
];

/**
 * The shared header: product name, page links, and sign-out (or sign-in on the public
 * landing page when there is no session).
 */
export function TopBar({ active, guest = false }: { active: string; guest?: boolean }) {
  const logout = async () => {
    await api('/admin/logout', { method: 'POST', body: {} }).catch(() => undefined);
    window.location.assign('/admin/login');
  };
  return (
    <header class="top">
      <a class="brand" href={guest ? '/landing' : '/'}>
        Adaptive Mock
      </a>
      <nav>
        {LINKS.map((link) => (
          <a
            key={link.href}
            href={link.href}
            class={link.href === active ? 'active' : ''}
            aria-current={link.href === active ? 'page' : undefined}
          >
            {link.label}
          </a>
        ))}
      </nav>
      {guest ? (
        <a
          class="button"
          href={`/admin/login?next=${encodeURIComponent(active)}`}
          data-testid="sign-in"
        >
          Sign in
        </a>
      ) : (
        <button type="button" onClick={() => void logout()} data-testid="sign-out">
          Sign out
        </button>
      )}
    </header>
  );
}
