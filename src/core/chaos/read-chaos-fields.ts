import type { EndpointChaos } from './chaos-profile.js';

/** One problem with a chaos definition; `field` is a dotted path ('' for the whole input). */
export interface ChaosValidationError {
  field: string;
  message: string;
}

/** Validation outcome: the cleaned definition, or every problem found. Never throws. */
export type ChaosValidation<T> =
  { ok: true; value: T } | { ok: false; errors: ChaosValidationError[] };

export const MAX_CHAOS_LATENCY_MS = 60_000;
export const MIN_ERROR_STATUS = 400;
export const MAX_ERROR_STATUS = 599;

/** The fields profiles and endpoint settings share, all optional here. */
export type SharedChaosFields = Omit<EndpointChaos, 'enabled'>;

/** Collects errors while reading an untrusted record; only own properties are read. */
export class FieldReader {
  readonly errors: ChaosValidationError[] = [];

  constructor(
    readonly record: Record<string, unknown>,
    private readonly prefix = '',
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.record, key) && this.record[key] !== undefined;
  }

  fail(key: string, message: string): undefined {
    this.errors.push({ field: this.prefix + key, message });
    return undefined;
  }

  /** A finite number in [min, max] (an integer when asked), or undefined when absent/invalid. */
  number(key: string, min: number, max: number, integer: boolean): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.record[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      return this.fail(key, `must be a number from ${min} to ${max}`);
    }
    return integer && !Number.isInteger(value) ? this.fail(key, 'must be an integer') : value;
  }

  /** Reports every key not in `known`. */
  rejectUnknown(known: readonly string[]): void {
    for (const key of Object.keys(this.record))
      if (!known.includes(key)) this.fail(key, 'unknown field');
  }
}

export const SHARED_FIELDS = [
  'level',
  'latencyMs',
  'errorRate',
  'errorStatus',
  'resetRate',
  'hangRate',
  'corruptRate',
] as const;

/** Reads the shared fields, leaving out the absent ones. */
export function readSharedFields(reader: FieldReader): SharedChaosFields {
  const fields: SharedChaosFields = {};
  const set = <K extends keyof SharedChaosFields>(key: K, value: number | undefined): void => {
    if (value !== undefined) fields[key] = value;
  };
  set('level', reader.number('level', 0, 100, true));
  set('latencyMs', reader.number('latencyMs', 0, MAX_CHAOS_LATENCY_MS, true));
  set('errorStatus', reader.number('errorStatus', MIN_ERROR_STATUS, MAX_ERROR_STATUS, true));
  for (const key of ['errorRate', 'resetRate', 'hangRate', 'corruptRate'] as const) {
    set(key, reader.number(key, 0, 1, false));
  }
  return fields;
}

/** The input as a plain record, or undefined (arrays, null and scalars are not definitions). */
export function asRecord(input: unknown): Record<string, unknown> | undefined {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : undefined;
}
