import { describe, expect, it } from 'vitest';
import { isSecretName } from './is-secret-name.js';
import { tokenizeName } from './tokenize-name.js';

describe('tokenizeName', () => {
  it.each([
    ['apiKey', ['api', 'key']],
    ['APIKey', ['api', 'key']],
    ['api_key', ['api', 'key']],
    ['API-KEY', ['api', 'key']],
    ['x-api-key', ['x', 'api', 'key']],
    ['client.secret', ['client', 'secret']],
    ['cvv2', ['cvv2']],
    ['__proto__', ['proto']],
    ['', []],
  ])('%s', (name, words) => {
    expect(tokenizeName(name)).toEqual(words);
  });
});

describe('isSecretName', () => {
  it.each([
    'password',
    'Password',
    'passwd',
    'pwd',
    'user_pass',
    'newPassword',
    'password_hash',
    'secret',
    'clientSecret',
    'token',
    'access_token',
    'accessToken',
    'refresh-token',
    'id_token',
    'X-Auth-Token',
    'x-csrf-token',
    'apiKey',
    'api_key',
    'API-KEY',
    'x-api-key',
    'apikey',
    'awsAccessKey',
    'private_key',
    'session',
    'sessionId',
    'JSESSIONID',
    'authorization',
    'Proxy-Authorization',
    'cookie',
    'Set-Cookie',
    'credentials',
    'credit_card',
    'creditCardNumber',
    'card_number',
    'cardNumber',
    'cvv',
    'CVC',
    'ssn',
    'social_security_number',
    'password_reset_token',
    'jwt',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'monkey',
    'keyboard',
    'passage',
    'passenger',
    'tokenizer_version',
    'prompt_tokens',
    'max_tokens',
    'key',
    'card',
    'card_type',
    'token_type',
    'token_count',
    'expires_in',
    'password_hint',
    'password_updated_at',
    'session_expires_at',
    'card_number_last4',
    'authorizationUrl',
    'www-authenticate',
    'name',
    'id',
    '__proto__',
    '',
  ])('%s is not secret', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});
