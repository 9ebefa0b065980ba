import type { Logger } from '../logger.js';
import type { EngineClient } from '../pipeline/engine-client.js';
import type { RuntimeState, Target } from '../state/runtime-state.js';
import type { ChaosState } from '../state/chaos-state.js';

export interface TeamSettingsDeps {
  engine: EngineClient;
  state: RuntimeState;
  /** The same SSRF/self-loop check a local POST /admin/target goes through. */
  checkTarget: (input: unknown) => Promise<Target>;
  logger: Logger;
  /** Chaos settings (profiles, level, per-endpoint) are shared too. */
  chaos?: ChaosState;
}

export interface TeamSettings {
  /** True while a change from another instance is being applied: do not persist it again. */
  applying(): boolean;
}

/**
 * Team mode: applies the runtime settings another instance changed (target, mode,
 * learning) to this instance's RuntimeState. They are already stored, so the caller's
 * persist listener must skip them (`applying()`), or two instances would echo forever.
 * Chaos settings are loaded without emitting a change, so they are not written back either.
 */
export function followTeamSettings(deps: TeamSettingsDeps): TeamSettings {
  const { state } = deps;
  let applying = false;
  const apply = async (values: Record<string, unknown>) => {
    let target: Target | undefined | null = null;
    if (typeof values.target === 'string' && values.target !== state.target?.url) {
      try {
        target = await deps.checkTarget(values.target);
      } catch (error) {
        deps.logger.error(
          { target: values.target, reason: (error as Error).message },
          'target set by another instance is rejected here; keeping the current one',
        );
      }
    } else if (values.target === null && state.target) target = undefined;
    applying = true;
    try {
      if (target !== null) state.setTarget(target);
      if ((values.mode === 'proxy' || values.mode === 'mock') && values.mode !== state.mode)
        state.setMode(values.mode);
      if (typeof values.learning === 'boolean' && values.learning !== state.learning)
        state.setLearning(values.learning);
      if (deps.chaos && typeof values.chaos === 'object' && values.chaos !== null) {
        deps.chaos.load(values.chaos);
      }
    } finally {
      applying = false;
    }
  };
  // One at a time: a slow target check must not let a later change land first.
  let order: Promise<void> = Promise.resolve();
  deps.engine.on('event', (event) => {
    if (event.type === 'settings') order = order.then(() => apply(event.values));
  });
  return { applying: () => applying };
}
