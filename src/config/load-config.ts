import { OPTIONS, type OptionSpec } from './config-schema.js';
import type { LogLevel } from '../logger.js';

/** The resolved, validated, frozen configuration handed down to every layer. */
export interface Config {
  target: string | undefined;
  port: number;
  host: string;
  adminPort: number | undefined;
  logLevel: LogLevel;
  drainTimeoutMs: number;
  clientHeadersTimeoutMs: number;
  dataDir: string;
  db: string;
  store: 'sqlite' | 'memory';
  /** Team mode: PostgreSQL URL (secret: show it only through sanitizeUrl). */
  databaseUrl: string | undefined;
  trafficLogLimit: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxSockets: number;
  preserveHost: boolean;
  targetAllowlist: readonly string[];
  adminToken: string | undefined;
  maxRequestBytes: number;
  captureMaxBytes: number;
  bodySampleRate: number;
  engineNice: number;
  queueCapacity: number;
  queueMaxBytes: number;
  flushIntervalMs: number;
  learning: boolean;
  driftWarmup: number;
  health: boolean;
  /** How long a health anomaly stays active after its last occurrence (ms). */
  healthWindowMs: number;
  mode: 'proxy' | 'mock' | undefined;
  mockLatency: string;
  mockSeed: number | undefined;
  mockStrategy: 'generate' | 'replay' | 'hybrid';
  failoverNonIdempotent: boolean;
  failoverOn5xx: boolean;
  chaosSeed: number | undefined;
  authProvider: 'local' | 'firebase' | 'oidc' | 'none';
  adminEmails: readonly string[];
  firebaseProjectId: string | undefined;
  firebaseApiKey: string | undefined;
  firebaseAuthDomain: string | undefined;
  firebaseAppId: string | undefined;
  firebaseKeysUrl: string;
  firebaseAuthEmulatorHost: string | undefined;
  oidcIssuer: string | undefined;
  oidcClientId: string | undefined;
  sessionTtlMinutes: number;
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
  authRateLimit: number;
  authRateBurst: number;
  /** Keys given explicitly by flag or env (they win over values persisted in the store). */
  explicit: readonly string[];
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  /** Flag values keyed by option key (already split by the CLI), as strings or booleans. */
  flags?: Record<string, string | boolean | undefined>;
  /** Programmatic overrides (tests, embedding), already typed. */
  overrides?: Partial<Omit<Config, 'explicit'>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function parseValue(spec: OptionSpec, raw: string | boolean, from: string): unknown {
  switch (spec.kind) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const v = raw.trim().toLowerCase();
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      throw new Error(`${from} must be true or false (got "${raw}")`);
    }
    case 'integer': {
      const text = String(raw).trim();
      if (!/^-?\d+$/.test(text)) throw new Error(`${from} must be a whole number (got "${text}")`);
      const n = Number(text);
      if (spec.min !== undefined && n < spec.min) throw new Error(`${from} must be ≥ ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) throw new Error(`${from} must be ≤ ${spec.max}`);
      return n;
    }
    case 'enum': {
      const v = String(raw).trim();
      if (!spec.values?.includes(v)) {
        throw new Error(`${from} must be one of ${spec.values?.join(', ')} (got "${v}")`);
      }
      return v;
    }
    case 'list':
      return String(raw)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'string': {
      const v = String(raw).trim();
      return v === '' ? undefined : v;
    }
  }
}

/** Resolves defaults < environment < flags < overrides, validates everything, and freezes. */
export function loadConfig(sources: ConfigSources): Config {
  const values: Record<string, unknown> = {};
  const explicit: string[] = [];
  const problems: string[] = [];
  for (const spec of OPTIONS as readonly OptionSpec[]) {
    let value: unknown = spec.default;
    const fromEnv = sources.env[spec.env];
    const fromFlag = sources.flags?.[spec.key];
    try {
      if (fromEnv !== undefined && fromEnv !== '') {
        value = parseValue(spec, fromEnv, spec.env);
        explicit.push(spec.key);
      }
      if (fromFlag !== undefined) {
        value = parseValue(spec, fromFlag, `--${spec.flag ?? spec.key}`);
        explicit.push(spec.key);
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
    values[spec.key] = value;
  }
  for (const [key, value] of Object.entries(sources.overrides ?? {})) {
    values[key] = value;
    explicit.push(key);
  }
  if (
    typeof values.adminPort === 'number' &&
    values.adminPort !== 0 &&
    values.adminPort === values.port
  ) {
    problems.push('--admin-port must differ from --port');
  }
  problems.push(...checkAuthConfig(values as unknown as Config, explicit));
  // Team mode: checked here so a typo fails at start, not at the first write.
  if (typeof values.databaseUrl === 'string' && !/^postgres(ql)?:\/\//.test(values.databaseUrl)) {
    problems.push('DATABASE_URL / --database-url must be a postgres:// URL');
  }
  const latency = values.mockLatency;
  if (
    typeof latency === 'string' &&
    latency !== 'learned' &&
    latency !== 'off' &&
    !/^\d{1,6}$/.test(latency)
  ) {
    problems.push(
      `--mock-latency must be learned, off or a number of milliseconds (got "${latency}")`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...(values as Omit<Config, 'explicit'>),
    explicit: Object.freeze([...new Set(explicit)]),
  });
}

/** Loopback names and addresses: binding there keeps the admin surface on this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Remote key and discovery URLs must be https; plain http only reaches loopback (tests). */
export function isSafeFetchUrl(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  } catch {
    return false;
  }
}

/**
 * Authentication must fail closed: a provider that cannot work, or an admin surface
 * exposed beyond loopback without an explicit choice, stops the process at start
 * (RELIABILITY.md items 81 and 95; the prototype allowed everything when unconfigured).
 */
function checkAuthConfig(config: Config, explicit: readonly string[]): string[] {
  const problems: string[] = [];
  const loopback = isLoopbackHost(config.host);
  const needEmails = `AUTH_PROVIDER=${config.authProvider} needs ADMIN_EMAILS: signing in proves who someone is, not that they are an admin`;
  switch (config.authProvider) {
    case 'none':
      if (!loopback) {
        problems.push(
          `AUTH_PROVIDER=none turns authentication off and is accepted only with a loopback HOST (got ${config.host})`,
        );
      }
      break;
    case 'firebase':
      if (!config.firebaseProjectId)
        problems.push('AUTH_PROVIDER=firebase needs FIREBASE_PROJECT_ID');
      if (config.adminEmails.length === 0) problems.push(needEmails);
      if (!isSafeFetchUrl(config.firebaseKeysUrl))
        problems.push('FIREBASE_KEYS_URL must be an https URL (http only on loopback)');
      if (config.firebaseAuthEmulatorHost && !loopback) {
        problems.push(
          `FIREBASE_AUTH_EMULATOR_HOST accepts unsigned tokens and is refused unless HOST is loopback (got ${config.host})`,
        );
      }
      break;
    case 'oidc':
      if (!config.oidcIssuer || !config.oidcClientId)
        problems.push('AUTH_PROVIDER=oidc needs OIDC_ISSUER and OIDC_CLIENT_ID');
      else if (!isSafeFetchUrl(config.oidcIssuer))
        problems.push('OIDC_ISSUER must be an https URL (http only on loopback)');
      if (config.adminEmails.length === 0) problems.push(needEmails);
      break;
    case 'local':
      if (!loopback && !config.adminToken && !explicit.includes('authProvider')) {
        problems.push(
          `HOST=${config.host} exposes the admin API beyond this machine: set ADMIN_TOKEN, or choose AUTH_PROVIDER explicitly (local then uses the generated token)`,
        );
      }
      break;
  }
  for (const origin of config.allowedOrigins) {
    let valid = false;
    try {
      const url = new URL(origin);
      valid =
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.origin === origin.replace(/\/$/, '');
    } catch {
      valid = false;
    }
    if (!valid)
      problems.push(
        `ALLOWED_ORIGINS entries must be origins such as https://app.example.com (got "${origin}")`,
      );
  }
  return problems;
}
