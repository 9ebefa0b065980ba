import { join, resolve } from 'node:path';
import { generateAdminToken, hashToken } from '../../admin/auth/admin-token.js';
import { loadConfig } from '../../config/load-config.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { openPostgresStore } from '../../store/postgres/postgres-store.js';

/** Replaces the stored admin token hash; a running instance picks it up at its next start. */
export async function runResetToken(
  flags: Record<string, string | boolean | undefined>,
): Promise<void> {
  const config = loadConfig({ env: process.env, flags });
  // Team mode: the token lives in the shared database (location is the sanitised URL).
  const store = config.databaseUrl
    ? await openPostgresStore({ url: config.databaseUrl, trafficLogLimit: config.trafficLogLimit })
    : openSqliteStore({
        file: resolve(join(config.dataDir, config.db)),
        trafficLogLimit: config.trafficLogLimit,
      });
  const token = generateAdminToken();
  await store.writeSettings({ adminTokenHash: hashToken(token) });
  await store.close();
  process.stdout.write(`New admin token for ${store.location} (shown once):\n${token}\n`);
}
