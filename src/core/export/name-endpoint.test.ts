import { describe, expect, it } from 'vitest';
import { nameEndpoint, toPascalCase } from './name-endpoint.js';

describe('nameEndpoint', () => {
  it.each([
    ['GET', '/users', 'ListUsers'],
    ['GET', '/users/{id}', 'GetUser'],
    ['POST', '/users', 'CreateUser'],
    ['PUT', '/users/{id}', 'UpdateUser'],
    ['PATCH', '/users/{id}', 'UpdateUser'],
    ['DELETE', '/users/{id}', 'DeleteUser'],
    ['DELETE', '/users', 'DeleteUsers'],
    ['HEAD', '/users', 'HeadUsers'],
    ['get', '/users', 'ListUsers'],
    ['GET', '/users/{id}/orders', 'ListUserOrders'],
    ['GET', '/users/{id}/orders/{orderId}', 'GetUserOrder'],
    ['POST', '/users/{id}/orders', 'CreateUserOrder'],
    ['GET', '/categories', 'ListCategories'],
    ['GET', '/user_profiles', 'ListUserProfiles'],
    ['GET', '/files/{id}.json', 'GetFile'],
    ['GET', '/api/v1/users', 'ListUsers'],
    ['GET', '/api', 'GetApi'],
    ['GET', '/me', 'GetMe'],
    ['GET', '/health', 'GetHealth'],
    ['GET', '/status', 'GetStatus'],
    ['GET', '/settings/notifications', 'ListSettingsNotifications'],
    ['GET', '/', 'GetRoot'],
    ['GET', '/{id}', 'GetResource'],
    ['POST', '/名前', 'CreateResource'],
    ['M-SEARCH', '/devices', 'MSearchDevices'],
    ['GET', '/weird*/{id}', 'GetWeird'],
  ])('%s %s → %s', (method, template, expected) => {
    expect(nameEndpoint(method, template)).toBe(expected);
  });
});

describe('toPascalCase', () => {
  it.each([
    ['user_profiles', 'UserProfiles'],
    ['userId', 'UserId'],
    ['with-dash', 'WithDash'],
    ['123abc', '123abc'],
    ['a"; process.exit(1); //', 'AProcessExit1'],
    ['名前', ''],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(toPascalCase(text)).toBe(expected);
  });
});
