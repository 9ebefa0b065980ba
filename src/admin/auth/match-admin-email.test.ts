import { describe, expect, it } from 'vitest';
import { matchAdminEmail } from './match-admin-email.js';

const list = ['alice@example.com', '@team.example', 'corp.example'];

describe('matchAdminEmail', () => {
  it.each([
    ['listed address', { email: 'alice@example.com', email_verified: true }, 'alice@example.com'],
    ['case-insensitive', { email: 'Alice@Example.com', email_verified: true }, 'Alice@Example.com'],
    ['listed @domain', { email: 'bob@team.example', email_verified: true }, 'bob@team.example'],
    [
      'listed bare domain',
      { email: 'carol@corp.example', email_verified: true },
      'carol@corp.example',
    ],
    ['unverified e-mail', { email: 'alice@example.com', email_verified: false }, undefined],
    [
      'email_verified as a string',
      { email: 'alice@example.com', email_verified: 'true' },
      undefined,
    ],
    ['no e-mail', { email_verified: true }, undefined],
    [
      'another user of the domain of a listed address',
      { email: 'mallory@example.com', email_verified: true },
      undefined,
    ],
    [
      'subdomain of a listed domain',
      { email: 'x@evil.team.example', email_verified: true },
      undefined,
    ],
    ['suffix trick', { email: 'x@evilcorp.example', email_verified: true }, undefined],
    ['two @', { email: 'alice@example.com@evil.test', email_verified: true }, undefined],
  ])('%s', (_name, claims, expected) => {
    expect(matchAdminEmail(claims, list)).toBe(expected);
  });

  it('admits nobody with an empty list', () => {
    expect(
      matchAdminEmail({ email: 'alice@example.com', email_verified: true }, []),
    ).toBeUndefined();
  });
});
