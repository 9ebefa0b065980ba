import { describe, expect, it } from 'vitest';
import type { JsonKind } from '../schema/schema-node.js';
import type { DriftChange } from './drift-change.js';
import { linkRenames } from './link-renames.js';
import type { RenameCandidate } from './link-renames.js';

function candidate(field: string, kinds: JsonKind[], removed: boolean): RenameCandidate {
  const change: DriftChange = {
    kind: removed ? 'field_removed' : 'field_added',
    severity: removed ? 'BREAKING' : 'INFO',
    path: `$.${field}`,
    field,
    expected: removed ? kinds.join(' | ') : 'absent',
    actual: removed ? 'absent' : kinds.join(' | '),
  };
  return { change, kinds };
}

/** Links `from` fields to `to` fields and returns "from→to" for every link made. */
function link(from: [string, JsonKind[]][], to: [string, JsonKind[]][]): string[] {
  const removed = from.map(([field, kinds]) => candidate(field, kinds, true));
  const added = to.map(([field, kinds]) => candidate(field, kinds, false));
  linkRenames(removed, added);
  for (const { change } of added) {
    const source = removed.find((r) => r.change.renamedTo === change.field);
    expect(change.renamedFrom).toBe(source?.change.field);
  }
  return removed.flatMap(({ change }) =>
    change.renamedTo === undefined ? [] : [`${change.field}→${change.renamedTo}`],
  );
}

describe('linkRenames', () => {
  it.each<[string, [string, JsonKind[]][], [string, JsonKind[]][], string[]]>([
    ['snake to camel', [['user_id', ['integer']]], [['userId', ['integer']]], ['user_id→userId']],
    [
      'kebab and case',
      [['created-at', ['string']]],
      [['CreatedAt', ['string']]],
      ['created-at→CreatedAt'],
    ],
    ['one edit', [['colour', ['string']]], [['color', ['string']]], ['colour→color']],
    [
      'two edits on long names',
      [['description', ['string']]],
      [['descriptoin', ['string']]],
      ['description→descriptoin'],
    ],
    ['two edits on short names', [['color', ['string']]], [['clr', ['string']]], []],
    [
      'exact match beats one edit',
      [['colour', ['string']]],
      [
        ['color', ['string']],
        ['Colour', ['string']],
      ],
      ['colour→Colour'],
    ],
    ['integer ≈ number', [['price', ['integer']]], [['Price', ['number']]], ['price→Price']],
    ['different kinds', [['user_id', ['integer']]], [['userId', ['string']]], []],
    ['short names must match exactly', [['id', ['integer']]], [['ip', ['integer']]], []],
    ['unrelated names', [['created_at', ['string']]], [['updatedAt', ['string']]], []],
    ['null addition has no kind', [['user_id', ['integer']]], [['userId', []]], []],
    [
      'closest pair wins, each field once',
      [
        ['name', ['string']],
        ['user_name', ['string']],
      ],
      [
        ['userName', ['string']],
        ['names', ['string']],
      ],
      ['name→names', 'user_name→userName'],
    ],
  ])('%s', (_name, from, to, expected) => {
    expect(link(from, to)).toEqual(expected);
  });
});
