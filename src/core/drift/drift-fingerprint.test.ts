import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DriftChange } from './drift-change.js';
import { driftFingerprint } from './drift-fingerprint.js';

const removal: DriftChange = {
  kind: 'field_removed',
  severity: 'BREAKING',
  path: '$.user_id',
  field: 'user_id',
  expected: 'integer',
  actual: 'absent',
  renamedTo: 'userId',
};
const addition: DriftChange = {
  kind: 'field_added',
  severity: 'INFO',
  path: '$.userId',
  field: 'userId',
  expected: 'absent',
  actual: 'integer',
  renamedFrom: 'user_id',
};
const nulled: DriftChange = {
  kind: 'became_null',
  severity: 'WARNING',
  path: '$.items[*].price',
  field: 'price',
  expected: 'number',
  actual: 'null',
};

describe('driftFingerprint', () => {
  it('is 16 hex digits and stable across change order (property)', () => {
    const base = driftFingerprint([removal, addition, nulled]);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(fc.shuffledSubarray([removal, addition, nulled], { minLength: 3 }), (order) => {
        return driftFingerprint(order) === base;
      }),
      { seed: 5, numRuns: 50 },
    );
  });

  it('ignores values, rename links and duplicates', () => {
    const { renamedTo: _to, ...plainRemoval } = removal;
    expect(driftFingerprint([{ ...plainRemoval, expected: 'string' }, addition, addition])).toBe(
      driftFingerprint([removal, addition]),
    );
  });

  it.each<[string, DriftChange[]]>([
    ['a missing change', [removal]],
    ['another path', [{ ...removal, path: '$.user.user_id' }, addition]],
    ['another kind', [{ ...removal, kind: 'type_changed' }, addition]],
    ['another severity', [{ ...removal, severity: 'WARNING' }, addition]],
    ['an extra change', [removal, addition, nulled]],
  ])('changes with %s', (_name, changes) => {
    expect(driftFingerprint(changes)).not.toBe(driftFingerprint([removal, addition]));
  });

  it('does not let a tab or newline in a path forge another set', () => {
    const forged: DriftChange = { ...removal, path: '$.b\nWARNING\tbecame_null\t$.a' };
    const honest: DriftChange[] = [
      { ...nulled, path: '$.a' },
      { ...removal, path: '$.b' },
    ];
    expect(driftFingerprint([forged])).not.toBe(driftFingerprint(honest));
  });
});
