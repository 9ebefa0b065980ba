/** The `?schema=` parameter and the `schema` option accept plain lowercase identifiers only. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

export interface DatabaseLocation {
  /** The URL handed to `pg` (the `schema` parameter removed). */
  connectionString: string;
  /** PostgreSQL schema that holds the tables. */
  schema: string;
}

/**
 * Splits our own `?schema=name` parameter off a postgres:// URL (pg would ignore it).
 * A schema per project keeps several behavioural profiles in one database, like the
 * SQLite file name does; `explicitSchema` (tests) wins over the URL.
 */
export function parseDatabaseUrl(url: string, explicitSchema?: string): DatabaseLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('the database URL is not a valid URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new TypeError(`the database URL must start with postgres:// (got ${parsed.protocol}//)`);
  }
  const fromUrl = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  const schema = explicitSchema ?? fromUrl ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new TypeError(
      `schema "${schema}" must be a lowercase identifier of at most 48 characters`,
    );
  }
  return { connectionString: parsed.toString(), schema };
}
