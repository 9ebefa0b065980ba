import { describe, expect, it } from 'vitest';
import type { DriftChange, DriftKind, DriftSeverity } from './drift-change.js';
import { summarizeDrift } from './summarize-drift.js';

function change(
  severity: DriftSeverity,
  kind: DriftKind,
  field: string,
  link?: string,
): DriftChange {
  return {
    kind,
    severity,
    path: `$.${field}`,
    field,
    expected: 'string',
    actual: 'absent',
    ...(link === undefined
      ? {}
      : kind === 'field_removed'
        ? { renamedTo: link }
        : { renamedFrom: link }),
  };
}

const B = (field: string, renamedTo?: string): DriftChange =>
  change('BREAKING', 'field_removed', field, renamedTo);
const W = (field: string): DriftChange => change('WARNING', 'became_null', field);
const I = (field: string, renamedFrom?: string): DriftChange =>
  change('INFO', 'field_added', field, renamedFrom);

describe('summarizeDrift', () => {
  it.each<[DriftChange[], string]>([
    [[], 'no changes'],
    [[B('a')], '1 critical issue'],
    [[B('a'), B('b'), W('c')], '2 critical issues, 1 warning'],
    [[W('a'), W('b')], '2 warnings'],
    [[I('a')], '1 new field'],
    [[B('a'), W('b'), W('c'), I('d'), I('e')], '1 critical issue, 2 warnings, 2 new fields'],
    [
      [B('user_id', 'userId'), I('userId', 'user_id')],
      '1 critical issue, 1 new field (likely rename: user_id → userId)',
    ],
    [
      [B('a_b', 'aB'), B('c_d', 'cD'), I('aB', 'a_b'), I('cD', 'c_d')],
      '2 critical issues, 2 new fields (likely renames: a_b → aB, c_d → cD)',
    ],
    [
      [B('a_b', 'aB'), B('c_d', 'cD'), B('e_f', 'eF'), I('aB'), I('cD'), I('eF')],
      '3 critical issues, 3 new fields (3 likely renames)',
    ],
    [[B('a\nb', 'ab'), I('ab')], '1 critical issue, 1 new field (likely rename: a\uFFFDb → ab)'],
  ])('%j → %s', (changes, expected) => {
    expect(summarizeDrift(changes)).toBe(expected);
  });
});
