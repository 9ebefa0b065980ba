import { describe, expect, it } from 'vitest';
import type { DriftChange } from './drift-change.js';
import { formatDriftLog } from './format-drift-log.js';

const ENDPOINT = { method: 'GET', template: '/users/{id}', status: 200 };

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

describe('formatDriftLog', () => {
  it('prints a header and one line per change', () => {
    expect(formatDriftLog([removal, addition], ENDPOINT).split('\n')).toEqual([
      'drift GET /users/{id} → 200 score 51: 1 critical issue, 1 new field (likely rename: user_id → userId)',
      '  BREAKING field_removed $.user_id: integer → absent, renamed to userId [unique identifiers]',
      '  INFO     field_added $.userId: absent → integer, renamed from user_id [unique identifiers]',
    ]);
  });

  it('keeps hostile names on their line and caps the number of lines', () => {
    const hostile: DriftChange = {
      ...addition,
      renamedFrom: undefined,
      field: 'x\nBREAKING forged',
      actual: 'a\r\nb',
    };
    const changes = Array.from({ length: 25 }, () => hostile);
    const lines = formatDriftLog(changes, { ...ENDPOINT, template: '/a\n/b' }).split('\n');
    expect(lines).toHaveLength(22);
    expect(lines[0]).toContain('/a\uFFFD/b');
    expect(lines[1]).toBe('  INFO     field_added $.userId: absent → a\uFFFD\uFFFDb');
    expect(lines[21]).toBe('  … and 5 more');
  });
});
