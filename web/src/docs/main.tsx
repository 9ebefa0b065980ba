import SwaggerUI from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';
import '../shared/app.css';
import './docs.css';

/**
 * Interactive docs: Swagger UI bundled from npm (no CDN). Calls go out with the session
 * cookie; no token is ever placed in the page or a URL.
 */
document.getElementById('app')!.innerHTML = '';
const header = document.createElement('header');
header.className = 'top';
for (const [href, label] of [
  ['/', 'Control Deck'],
  ['/admin/explorer', 'Explorer'],
  ['/admin/docs', 'API docs'],
] as const) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = label;
  header.append(link);
}
const mount = document.createElement('div');
mount.id = 'swagger';
document.getElementById('app')!.append(header, mount);

(SwaggerUI as (options: Record<string, unknown>) => unknown)({
  domNode: mount,
  urls: [
    { url: '/admin/openapi.json', name: 'Admin API' },
    { url: '/admin/export-openapi', name: 'Learned API (OpenAPI 3.1)' },
  ],
  'urls.primaryName': 'Admin API',
  withCredentials: true,
  deepLinking: false,
});
