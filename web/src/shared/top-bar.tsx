import { api } from '../lib/api.js';

const LINKS = [
  { href: '/', label: 'Control Deck' },
  { href: '/admin/explorer', label: 'Explorer' },
  { href: '/admin/docs', label: 'API docs' },
  { href: '/landing', label: 'Guide' },
];

/** The shared header: product name, page links and sign-out. */
export function TopBar({ active }: { active: string }) {
  const logout = async () => {
    await api('/admin/logout', { method: 'POST', body: {} }).catch(() => undefined);
    window.location.assign('/admin/login');
  };
  return (
    <header class="top">
      <span class="brand">Adaptive Mock</span>
      <nav>
        {LINKS.map((link) => (
          <a key={link.href} href={link.href} class={link.href === active ? 'active' : ''}>
            {link.label}
          </a>
        ))}
      </nav>
      <button type="button" onClick={() => void logout()}>
        Sign out
      </button>
    </header>
  );
}
