import { describe, expect, it } from 'vitest';
import { addExample } from './add-example.js';
import { EXAMPLES_PER_STATUS, type RecordedExample } from './endpoint-model.js';

function example(
  recordedAt: number,
  path = '/a',
  query = '',
  responseBody: unknown = null,
): RecordedExample {
  return { path, query, status: 200, contentType: 'application/json', recordedAt, responseBody };
}

function listOf(examples: readonly RecordedExample[]): RecordedExample[] {
  const list: RecordedExample[] = [];
  for (const item of examples) addExample(list, item);
  return list;
}

describe('addExample', () => {
  it(`keeps the newest ${EXAMPLES_PER_STATUS}, oldest first, whatever the arrival order`, () => {
    const items = [5, 1, 9, 3, 7, 2, 8].map((t) => example(t));
    const list = listOf(items);

    expect(list.map((e) => e.recordedAt)).toEqual([3, 5, 7, 8, 9]);
    expect(listOf([...items].reverse())).toEqual(list);
  });

  it('breaks time ties by path, then query, then content', () => {
    const tied = [
      example(1, '/b'),
      example(1, '/a', 'x=2'),
      example(1, '/a', 'x=1', { v: 2 }),
      example(1, '/a', 'x=1', { v: 1 }),
    ];
    const expected = [tied[3], tied[2], tied[1], tied[0]];

    expect(listOf(tied)).toEqual(expected);
    expect(listOf([...tied].reverse())).toEqual(expected);
  });

  it('drops an example older than a full list', () => {
    const list = listOf([10, 11, 12, 13, 14].map((t) => example(t)));
    addExample(list, example(1));
    expect(list.map((e) => e.recordedAt)).toEqual([10, 11, 12, 13, 14]);
  });
});
