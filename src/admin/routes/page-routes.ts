import type { FastifyInstance } from 'fastify';
import type { AdminDeps } from '../admin-deps.js';

const LANDING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Adaptive Mock</title></head>
<body><h1>Adaptive Mock</h1><p>Your API's digital twin: a proxy that learns your API from live traffic and serves realistic mocks.</p></body></html>`;

/** The dashboard pages (the Vite-built dashboard replaces these bodies). */
export function registerPageRoutes(app: FastifyInstance, _deps: AdminDeps): void {
  app.get('/landing', (_request, reply) => reply.type('text/html; charset=utf-8').send(LANDING));
  app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(LANDING));
}
