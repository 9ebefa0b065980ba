import { createApp } from '../../app/create-app.js';
import { loadConfig } from '../../config/load-config.js';

function storeLine(store: { kind: string; location: string }): string {
  if (store.kind === 'memory') return 'memory (nothing is kept after exit)';
  // Team mode: the location is already sanitised (a PostgreSQL URL never shows its password).
  return store.kind === 'postgres'
    ? `PostgreSQL ${store.location} (team mode)`
    : `SQLite ${store.location}`;
}

/** Prints the start-up banner: a few readable lines a developer can act on. */
function banner(app: Awaited<ReturnType<typeof createApp>>): string {
  const lines = [
    '',
    '  Adaptive Mock is running',
    '',
    `  Proxy      ${app.proxyUrl}   → point your frontend here`,
    `  Dashboard  ${app.adminUrl}/`,
    `  Target     ${app.state.target?.url ?? 'none yet — set one in the dashboard or with --target'}`,
    `  Mode       ${app.state.mode}, learning ${app.state.learning ? 'on' : 'off'}`,
    `  Store      ${storeLine(app.store)}`,
  ];
  if (app.generatedToken) {
    lines.push(
      '',
      `  Admin token (shown once, stored hashed): ${app.generatedToken}`,
      `  Sign in:   ${app.adminUrl}/admin/login?token=${app.generatedToken}`,
    );
  } else if (!app.config.adminToken) {
    lines.push(
      '',
      '  Admin token: the one printed at first start (or run `adaptive-mock reset-token`).',
    );
  }
  return `${lines.join('\n')}\n\n`;
}

export async function runStart(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const config = loadConfig({ env: process.env, flags });
  const app = await createApp({ config });
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      app.logger.error({ signal }, 'second signal: exiting without draining');
      process.exit(1);
    }
    app.logger.info(
      { signal },
      'shutting down: draining in-flight exchanges and the capture queue',
    );
    app
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The banner comes last: once it is printed, a signal is always handled (drained, exit 0).
  process.stdout.write(banner(app));
}
