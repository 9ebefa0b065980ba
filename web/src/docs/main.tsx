import SwaggerUI from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import '../shared/app.css';
import './docs.css';

/**
 * Interactive docs: Swagger UI bundled from npm (no CDN), over the admin API's OpenAPI (built
 * from the route schemas) or the learned API's. Calls go out with the session cookie; no token
 * is ever placed in the page or a URL. Everything is built with DOM APIs (no inline script).
 */
const SPECS = [
  { url: '/admin/openapi.json', label: 'Admin API' },
  { url: '/admin/export-openapi', label: 'Learned API (OpenAPI 3.1)' },
] as const;

const app = document.getElementById('app')!;
const header = document.createElement('header');
header.className = 'top';
const brand = document.createElement('span');
brand.className = 'brand';
brand.textContent = 'Adaptive Mock';
const nav = document.createElement('nav');
for (const [href, label] of [
  ['/', 'Control Deck'],
  ['/admin/explorer', 'Explorer'],
  ['/admin/docs', 'API docs'],
] as const) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = label;
  if (href === '/admin/docs') link.className = 'active';
  nav.append(link);
}
const signOut = document.createElement('button');
signOut.type = 'button';
signOut.textContent = 'Sign out';
signOut.addEventListener('click', () => {
  void fetch('/admin/logout', { method: 'POST', credentials: 'same-origin' }).finally(() =>
    window.location.assign('/admin/login'),
  );
});
header.append(brand, nav, signOut);

const tabs = document.createElement('div');
tabs.className = 'spec-tabs';
const mount = document.createElement('div');
mount.id = 'swagger';
app.append(header, tabs, mount);

const show = (url: string) => {
  for (const button of tabs.querySelectorAll('button'))
    button.setAttribute('aria-pressed', String(button.dataset.url === url));
  mount.replaceChildren();
  (SwaggerUI as (options: Record<string, unknown>) => unknown)({
    domNode: mount,
    url,
    withCredentials: true,
    deepLinking: false,
  });
};
for (const spec of SPECS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = spec.label;
  button.dataset.url = spec.url;
  button.addEventListener('click', () => show(spec.url));
  tabs.append(button);
}
show(SPECS[0].url);
