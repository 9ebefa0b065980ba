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
  queueCapacity: number;
  queueMaxBytes: number;
  flushIntervalMs: number;
  learning: boolean;
  driftWarmup: number;
  mode: 'proxy' | 'mock' | undefined;
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
  if (typeof values.adminPort === 'number' && values.adminPort !== 0 && values.adminPort === values.port) {
    problems.push('--admin-port must differ from --port');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({ ...(values as Omit<Config, 'explicit'>), explicit: Object.freeze([...new Set(explicit)]) });
}
