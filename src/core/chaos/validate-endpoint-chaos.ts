import type { EndpointChaos } from './chaos-profile.js';
import { asRecord, FieldReader, readSharedFields, SHARED_FIELDS } from './read-chaos-fields.js';
import type { ChaosValidation } from './read-chaos-fields.js';

/**
 * Validates untrusted per-endpoint chaos settings with the same field rules as profiles
 * (level 0–100, latencyMs 0–60000, rates 0–1, errorStatus 400–599); `enabled` is a boolean,
 * true when absent. Returns a clean copy or every error found.
 */
export function validateEndpointChaos(input: unknown): ChaosValidation<EndpointChaos> {
  const record = asRecord(input);
  if (!record) return { ok: false, errors: [{ field: '', message: 'must be an object' }] };
  const reader = new FieldReader(record);
  reader.rejectUnknown([...SHARED_FIELDS, 'enabled']);
  const enabled = reader.has('enabled') ? record.enabled : true;
  if (typeof enabled !== 'boolean') reader.fail('enabled', 'must be a boolean');
  const fields = readSharedFields(reader);
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return { ok: true, value: { enabled: enabled === true, ...fields } };
}
