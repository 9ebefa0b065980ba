import { createMoments } from './create-moments.js';
import type { ResponseModel } from './endpoint-model.js';

/** An empty response model (no schema yet). */
export function createResponseModel(): ResponseModel {
  return {
    contentTypes: Object.create(null) as Record<string, number>,
    headers: Object.create(null) as Record<string, Record<string, number>>,
    bodySize: createMoments(),
  };
}
