import { describe, expect, it } from 'vitest';
import { describeExport, toCommentText } from './describe-export.js';
import { planTypes } from './plan-types.js';
import { createUsersModels } from './users-model.fixture.js';

describe('toCommentText', () => {
  it.each([
    ['GET /users/{id}', 'GET /users/{id}'],
    ['/a*/b', '/a*\\/b'],
    ['line\nbreak', 'line\\u000abreak'],
    ['sep\u2028para\u2029', 'sep\\u2028para\\u2029'],
    ['/名前', '/\\u540d\\u524d'],
    ['tab\t', 'tab\\u0009'],
  ])('%j → %j', (text, expected) => {
    expect(toCommentText(text)).toBe(expected);
  });
});

describe('describeExport', () => {
  const plan = planTypes(createUsersModels());

  it('states endpoint and sample counts and reads no clock', () => {
    expect(describeExport(plan)).toEqual([
      'API types learned from live traffic by Adaptive Mock.',
      'Learned from 3 endpoints and 37 samples.',
    ]);
  });

  it('adds a generated-at line only when asked', () => {
    expect(describeExport(plan, '2024-05-01T12:00:00Z').at(-1)).toBe(
      'Generated at 2024-05-01T12:00:00Z.',
    );
  });

  it('uses the singular for one', () => {
    const one = planTypes(createUsersModels().slice(0, 1));
    one.sampleCount = 1;
    expect(describeExport(one)[1]).toBe('Learned from 1 endpoint and 1 sample.');
  });
});
