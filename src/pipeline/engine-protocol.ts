import type { ErrorCode } from '../errors.js';
import type { EngineEvent } from './create-engine.js';
import type { EngineMethod } from './engine-api.js';
import type { WireExchange } from './exchange-wire.js';

/** What the main thread hands the engine worker at start. */
export interface EngineWorkerData {
  store:
    | { kind: 'sqlite'; file: string; trafficLogLimit: number }
    | { kind: 'memory'; trafficLogLimit: number }
    // Team mode: `url` holds the password; never log it (store.location is the sanitised form).
    | { kind: 'postgres'; url: string; trafficLogLimit: number };
  instanceId: string;
  captureMaxBytes: number;
  driftWarmup: number;
  healthWindowMs: number;
  /** Score endpoint health in the pipeline (HEALTH=false turns it off). */
  health: boolean;
  /** Niceness the worker gives its own thread (0 leaves it alone). */
  engineNice: number;
  logLevel: string;
}

export type ToWorker =
  /** `liveLimit`: send back only the newest live entries (nobody is watching the stream). */
  | { t: 'batch'; id: number; exchanges: WireExchange[]; liveLimit?: number }
  | { t: 'call'; id: number; method: EngineMethod; args: unknown[] }
  | { t: 'close'; id: number };

export type SerializedError = { code?: ErrorCode; detail: string };

export type FromWorker =
  | { t: 'ready'; pathState: unknown }
  | { t: 'ack'; id: number; error?: SerializedError }
  | { t: 'result'; id: number; value?: unknown; error?: SerializedError }
  | { t: 'event'; event: EngineEvent }
  | { t: 'fatal'; detail: string };
