import type { DriftChange } from './drift-change.js';

/** A likely rename: a removed field and the new sibling that seems to replace it. */
export interface DriftRename {
  from: string;
  to: string;
  /** Path of the removed field. */
  path: string;
}

/**
 * The likely renames among changes (removals linked by detectDrift), in change order:
 * the alert-level "rename noticed" flag is `listRenames(changes).length > 0`.
 */
export function listRenames(changes: readonly DriftChange[]): DriftRename[] {
  return changes.flatMap((change) =>
    change.kind === 'field_removed' && change.renamedTo !== undefined
      ? [{ from: change.field, to: change.renamedTo, path: change.path }]
      : [],
  );
}
