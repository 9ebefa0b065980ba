import type { Rng } from '../../core/random.js';
import type { ChaosState } from '../../state/chaos-state.js';
import type { ModelSnapshot } from '../../state/model-snapshot.js';
import type { PreForwardStep } from '../create-proxy.js';
import { applyFault, decideFor } from './create-mock-responder.js';

/**
 * Chaos in proxy mode: injected latency delays the forward (and is left out of the measured
 * latency, so learning and health see the backend's own speed); injected faults answer
 * instead of the backend. With nothing configured this is one cheap check per request.
 */
export function createChaosStep(options: {
  snapshot: ModelSnapshot;
  chaos: ChaosState;
  rng: Rng;
  hangMs: number;
}): PreForwardStep {
  return (ctx, control, proceed) => {
    if (options.chaos.isQuiet(control.chaosLevel)) return proceed();
    const match = options.snapshot.match(ctx.req.method ?? 'GET', ctx.path);
    const decision = decideFor(options.chaos, ctx, control, match.endpoint?.id, options.rng);
    const run = () => {
      if (applyFault(ctx, decision, match.endpoint?.model, options.rng, options.hangMs)) {
        ctx.req.resume();
        return;
      }
      proceed();
    };
    if (decision.addedLatencyMs <= 0) return run();
    ctx.injectedDelayMs = decision.addedLatencyMs;
    const timer = setTimeout(run, decision.addedLatencyMs);
    ctx.res.once('close', () => clearTimeout(timer));
  };
}
