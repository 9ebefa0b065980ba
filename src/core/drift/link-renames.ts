import type { JsonKind } from '../schema/schema-node.js';
import type { DriftChange } from './drift-change.js';

/** A field of one object that went missing or appeared, with the non-null kinds it has. */
export interface RenameCandidate {
  change: DriftChange;
  kinds: readonly JsonKind[];
}

/** Candidates considered per side and object: pairing is quadratic, bodies are untrusted. */
const MAX_CANDIDATES = 16;
/** Longer names are compared on their first characters only (edit distance is quadratic). */
const MAX_NAME_LENGTH = 64;

/** Lower-cased, separators removed: `user_id`, `userId` and `user-ID` all become `userid`. */
function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_.-]+/g, '')
    .slice(0, MAX_NAME_LENGTH);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * How far apart two names are, or undefined when they are not a plausible rename: equal
 * once normalised (distance 0), or within 1 edit for names of 4+ characters, 2 edits for
 * 8+ (`color` → `colour`). Shorter names must normalise alike: `id` → `ip` is not a rename.
 */
function measureNames(from: string, to: string): number | undefined {
  const a = normalizeName(from);
  const b = normalizeName(to);
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  if (Math.abs(a.length - b.length) > allowed) return undefined;
  const distance = editDistance(a, b);
  return distance <= allowed ? distance : undefined;
}

function haveCommonKind(a: readonly JsonKind[], b: readonly JsonKind[]): boolean {
  const numeric = (kind: JsonKind): boolean => kind === 'integer' || kind === 'number';
  return a.some((x) => b.some((y) => x === y || (numeric(x) && numeric(y))));
}

/**
 * Links likely renames among the removals and additions of one object: a removed field and
 * a new field with a common kind (integer ≈ number) and similar names (see measureNames).
 * Closest names pair first, each field at most once. Sets `renamedTo` on the removal and
 * `renamedFrom` on the addition; both changes stay, so scoring still sees the breakage.
 */
export function linkRenames(
  removed: readonly RenameCandidate[],
  added: readonly RenameCandidate[],
): void {
  const pairs: { from: RenameCandidate; to: RenameCandidate; distance: number }[] = [];
  for (const from of removed.slice(0, MAX_CANDIDATES)) {
    for (const to of added.slice(0, MAX_CANDIDATES)) {
      if (!haveCommonKind(from.kinds, to.kinds)) continue;
      const distance = measureNames(from.change.field, to.change.field);
      if (distance !== undefined) pairs.push({ from, to, distance });
    }
  }
  // Stable sort: equal distances keep the (deterministic) order the fields were found in.
  pairs.sort((x, y) => x.distance - y.distance);
  for (const { from, to } of pairs) {
    if (from.change.renamedTo !== undefined || to.change.renamedFrom !== undefined) continue;
    from.change.renamedTo = to.change.field;
    to.change.renamedFrom = from.change.field;
  }
}
