import type { Config } from '../config/load-config.js';
import type { Logger } from '../logger.js';
import type { EngineApi } from '../pipeline/engine-api.js';
import type { RuntimeState, Target } from '../state/runtime-state.js';
import type { ChaosState } from '../state/chaos-state.js';
import type { Authenticator } from './auth/authenticator.js';

/** Counters the admin API reports (capture queue, engine). */
export interface Counters {
  queued: number;
  dropped: number;
  enqueued: number;
  pendingBatches: number;
}

/** What the admin app needs from the rest of the process (injected by app/). */
export interface AdminDeps {
  config: Config;
  state: RuntimeState;
  engine: EngineApi;
  auth: Authenticator;
  logger: Logger;
  version: string;
  store: { kind: string; location: string };
  counters: () => Counters;
  validateTarget: (input: unknown) => Promise<Target>;
  chaos: ChaosState;
}
