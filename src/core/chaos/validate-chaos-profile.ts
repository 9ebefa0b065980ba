import type { ChaosProfile } from './chaos-profile.js';
import {
  asRecord,
  FieldReader,
  MAX_CHAOS_LATENCY_MS,
  readSharedFields,
  SHARED_FIELDS,
} from './read-chaos-fields.js';
import type { ChaosValidation } from './read-chaos-fields.js';

export const PROFILE_NAME_PATTERN = /^[a-z0-9_-]{1,40}$/;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_METHOD_LATENCIES = 20;
const METHOD_PATTERN = /^[A-Za-z]{1,20}$/;

const PROFILE_FIELDS = [
  ...SHARED_FIELDS,
  'name',
  'description',
  'latencyJitterMs',
  'methodLatencyMs',
] as const;

function readMethodLatencies(reader: FieldReader): Record<string, number> | undefined {
  if (!reader.has('methodLatencyMs')) return undefined;
  const record = asRecord(reader.record.methodLatencyMs);
  if (!record) return reader.fail('methodLatencyMs', 'must be an object of method → ms');
  const keys = Object.keys(record);
  if (keys.length > MAX_METHOD_LATENCIES) {
    return reader.fail('methodLatencyMs', `must have at most ${MAX_METHOD_LATENCIES} methods`);
  }
  const inner = new FieldReader(record, 'methodLatencyMs.');
  // Null prototype: method names are user data.
  const table = Object.create(null) as Record<string, number>;
  for (const key of keys) {
    const method = key.toUpperCase();
    if (!METHOD_PATTERN.test(key)) {
      inner.fail(key, 'must be an HTTP method name');
    } else if (Object.hasOwn(table, method)) {
      inner.fail(key, 'repeats a method');
    } else {
      const ms = inner.number(key, 0, MAX_CHAOS_LATENCY_MS, true);
      if (ms !== undefined) table[method] = ms;
    }
  }
  reader.errors.push(...inner.errors);
  return table;
}

/**
 * Validates an untrusted chaos profile (user-defined profiles arrive as JSON). Rules: `name`
 * matches PROFILE_NAME_PATTERN; `description` a string of at most 500 chars (default '');
 * `level` an integer 0–100 and `latencyMs`, `latencyJitterMs` and the `methodLatencyMs`
 * values integers 0–60000 (default 0); rates 0–1; `errorStatus` an integer 400–599; no
 * other fields. Returns a clean copy (method names upper-cased) or every error found.
 */
export function validateChaosProfile(input: unknown): ChaosValidation<ChaosProfile> {
  const record = asRecord(input);
  if (!record) return { ok: false, errors: [{ field: '', message: 'must be an object' }] };
  const reader = new FieldReader(record);
  reader.rejectUnknown(PROFILE_FIELDS);
  const name = record.name;
  if (typeof name !== 'string' || !PROFILE_NAME_PATTERN.test(name)) {
    reader.fail('name', 'must be 1–40 characters of a-z, 0-9, _ and -');
  }
  const description = reader.has('description') ? record.description : '';
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION_LENGTH) {
    reader.fail('description', `must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  const { level = 0, latencyMs = 0, ...rest } = readSharedFields(reader);
  const jitter = reader.number('latencyJitterMs', 0, MAX_CHAOS_LATENCY_MS, true);
  const methodLatencyMs = readMethodLatencies(reader);
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  const profile: ChaosProfile = {
    name: String(name),
    description: String(description),
    level,
    latencyMs,
    ...rest,
  };
  if (jitter !== undefined) profile.latencyJitterMs = jitter;
  if (methodLatencyMs) profile.methodLatencyMs = methodLatencyMs;
  return { ok: true, value: profile };
}
