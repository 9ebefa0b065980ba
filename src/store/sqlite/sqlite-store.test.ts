import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runDriftAlertContract, runStoreContract } from '../store-contract.js';
import { openSqliteStore } from './sqlite-store.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';

runStoreContract('sqlite', () =>
  Promise.resolve(
    openSqliteStore({
      file: join(mkdtempSync(join(tmpdir(), 'am-sqlite-')), 'test.db'),
      trafficLogLimit: 50,
    }),
  ),
);

runDriftAlertContract('sqlite', () =>
  Promise.resolve(
    openSqliteStore({
      file: join(mkdtempSync(join(tmpdir(), 'am-sqlite-')), 'd.db'),
      trafficLogLimit: 50,
    }),
  ),
);

describe('sqlite store', () => {
  it('records the schema version and reopens an existing file without re-migrating', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'am-sqlite-')), 'v.db');
    const store = openSqliteStore({ file, trafficLogLimit: 10 });
    await store.writeSettings({ a: 1 });
    await store.close();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = openSqliteStore({ file, trafficLogLimit: 10 });
    expect(await again.readSettings()).toEqual({ a: 1 });
    await again.close();
  });
});
