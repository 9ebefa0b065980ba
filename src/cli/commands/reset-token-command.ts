import { join, resolve } from 'node:path';
import { generateAdminToken, hashToken } from '../../admin/auth/admin-token.js';
import { loadConfig } from '../../config/load-config.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';

/** Replaces the stored admin token hash; a running instance picks it up at its next start. */
export async function runResetToken(flags: Record<string, string | boolean | undefined>): Promise<void> {
  const config = loadConfig({ env: process.env, flags });
  const file = resolve(join(config.dataDir, config.db));
  const store = openSqliteStore({ file, trafficLogLimit: config.trafficLogLimit });
  const token = generateAdminToken();
  await store.writeSettings({ adminTokenHash: hashToken(token) });
  await store.close();
  process.stdout.write(`New admin token for ${file} (shown once):\n${token}\n`);
}
