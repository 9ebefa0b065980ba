import { describe, expect, it } from 'vitest';
import { backoffMs, isConnectionError } from './create-transaction-runner.js';

const withCode = (code: string, severity?: string) =>
  Object.assign(new Error('x'), { code, severity });

describe('isConnectionError', () => {
  it.each([
    ['refused socket', withCode('ECONNREFUSED'), true],
    ['reset socket', withCode('ECONNRESET'), true],
    ['SQLSTATE class 08', withCode('08006', 'FATAL'), true],
    ['admin shutdown', withCode('57P01', 'FATAL'), true],
    ['too many connections', withCode('53300', 'FATAL'), true],
    ['lost socket (no code)', new Error('Connection terminated unexpectedly'), true],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['unique violation', withCode('23505', 'ERROR'), false],
    ['serialization failure', withCode('40001', 'ERROR'), false],
    [
      'SQL error mentioning a connection',
      Object.assign(new Error('connection limit'), { code: '42501', severity: 'ERROR' }),
      false,
    ],
    ['a plain bug', new TypeError('cannot read x of undefined'), false],
    ['not an error', 'boom', false],
  ])('%s → %s', (_what, error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });
});

describe('backoffMs', () => {
  it.each([
    [0, 0, 160],
    [0, 1, 240],
    [1, 0.5, 400],
    [4, 0.5, 3200],
    [5, 0.5, 5000],
    [30, 1, 6000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffMs(attempt, () => random)).toBe(expected);
  });
});
