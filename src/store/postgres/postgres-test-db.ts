import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { escapeIdentifier } from 'pg';

/**
 * Test support for suites that need a real PostgreSQL (TEST_POSTGRES_URL). Every suite gets
 * its own schema in the shared database, so suites run in parallel and leave nothing behind.
 */
export interface TestDatabase {
  /** The server URL as given. */
  url: string;
  /** Creates nothing yet: returns a fresh schema name (the store creates it on open). */
  newSchema(): string;
  /** `url` with `?schema=` set, for code that only takes a URL (the app). */
  urlFor(schema: string): string;
  /** Drops every schema handed out so far. */
  dropAll(): Promise<void>;
}

/** Why the PostgreSQL suites are skipped, or the database to run them on. */
export async function connectTestDatabase(
  url: string | undefined,
): Promise<{ db: TestDatabase; skip?: undefined } | { db?: undefined; skip: string }> {
  if (!url) return { skip: 'TEST_POSTGRES_URL is not set' };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    return { skip: `PostgreSQL at TEST_POSTGRES_URL is unreachable (${(error as Error).message})` };
  } finally {
    await client.end().catch(() => undefined);
  }
  const handedOut: string[] = [];
  return {
    db: {
      url,
      newSchema() {
        const schema = `am_test_${randomBytes(6).toString('hex')}`;
        handedOut.push(schema);
        return schema;
      },
      urlFor(schema) {
        const parsed = new URL(url);
        parsed.searchParams.set('schema', schema);
        return parsed.toString();
      },
      async dropAll() {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          for (const schema of handedOut.splice(0)) {
            await admin.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
          }
        } finally {
          await admin.end();
        }
      },
    },
  };
}
