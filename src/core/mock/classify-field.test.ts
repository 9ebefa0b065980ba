import { describe, expect, it } from 'vitest';
import { classifyField } from './classify-field.js';
import { FIELD_KINDS } from './field-kinds.js';
import type { FieldKind } from './field-kinds.js';

// One row per kind at least, so a kind that can no longer be reached fails the coverage test.
const TABLE: readonly (readonly [string, FieldKind | undefined])[] = [
  ['id', 'id'],
  ['user_id', 'id'],
  ['accountId', 'id'],
  ['_id', 'id'],
  ['uuid', 'uuid'],
  ['guid', 'uuid'],
  ['email', 'email'],
  ['emailAddress', 'email'],
  ['phone_number', 'phone'],
  ['mobile', 'phone'],
  ['firstName', 'firstName'],
  ['last_name', 'lastName'],
  ['surname', 'lastName'],
  ['name', 'fullName'],
  ['displayName', 'fullName'],
  ['username', 'username'],
  ['user_name', 'username'],
  ['created_by', 'username'],
  ['company', 'company'],
  ['job_title', 'jobTitle'],
  ['avatar', 'imageUrl'],
  ['avatar_url', 'imageUrl'],
  ['thumbnailUrl', 'imageUrl'],
  ['website', 'url'],
  ['homepage_url', 'url'],
  ['hostname', 'domain'],
  ['createdAt', 'createdDate'],
  ['created_at', 'createdDate'],
  ['user.created', 'createdDate'],
  ['date_created', 'createdDate'],
  ['published_at', 'createdDate'],
  ['updatedAt', 'updatedDate'],
  ['lastLogin', 'updatedDate'],
  ['deleted_at', 'updatedDate'],
  ['expires_at', 'expiryDate'],
  ['due_date', 'expiryDate'],
  ['valid_until', 'expiryDate'],
  ['date_of_birth', 'birthDate'],
  ['dob', 'birthDate'],
  ['timestamp', 'date'],
  ['start_date', 'date'],
  ['price', 'price'],
  ['total_price', 'price'],
  ['amount', 'price'],
  ['currency', 'currency'],
  ['currency_code', 'currency'],
  ['count', 'count'],
  ['total_count', 'count'],
  ['image_count', 'count'],
  ['numItems', 'count'],
  ['age', 'age'],
  ['birth_year', 'year'],
  ['rating', 'rating'],
  ['percent', 'percentage'],
  ['duration', 'duration'],
  ['expires_in', 'duration'],
  ['file_size', 'fileSize'],
  ['port', 'port'],
  ['lat', 'latitude'],
  ['latitude', 'latitude'],
  ['lng', 'longitude'],
  ['title', 'title'],
  ['description', 'description'],
  ['bio', 'description'],
  ['message', 'text'],
  ['error_message', 'text'],
  ['comments', 'text'],
  ['format', 'word'],
  ['tags', 'tag'],
  ['category', 'tag'],
  ['type', 'tag'],
  ['status', 'status'],
  ['state', 'status'],
  ['slug', 'slug'],
  ['is_active', 'flagTrue'],
  ['email_verified', 'flagTrue'],
  ['isDeleted', 'flagFalse'],
  ['archived', 'flagFalse'],
  ['address', 'address'],
  ['street_address', 'address'],
  ['city', 'city'],
  ['cities', 'city'],
  ['province', 'state'],
  ['country', 'country'],
  ['countryName', 'country'],
  ['country_code', 'countryCode'],
  ['zip_code', 'zipCode'],
  ['postalCode', 'zipCode'],
  ['token', 'token'],
  ['session_id', 'token'],
  ['sessionId', 'token'],
  ['api_key', 'token'],
  ['hash', 'hash'],
  ['sha256', 'hash'],
  ['color', 'color'],
  ['background_color', 'color'],
  ['ip', 'ipv4'],
  ['ip_address', 'ipv4'],
  ['ipv6', 'ipv6'],
  ['mac_address', 'macAddress'],
  ['user_agent', 'userAgent'],
  ['locale', 'locale'],
  ['language', 'language'],
  ['timezone', 'timezone'],
  ['time_zone', 'timezone'],
  ['content_type', 'mimeType'],
  ['mime_type', 'mimeType'],
  ['filename', 'fileName'],
  ['file_name', 'fileName'],
  ['file_path', 'filePath'],
  ['version', 'version'],
  ['sku', 'sku'],
  ['iban', 'iban'],
  ['account', 'accountNumber'],
  ['account_number', 'accountNumber'],
  ['product_name', 'productName'],
  // Names the prototype's substring rules got wrong (ORIGINAL-NOTES §6.4).
  ['hotel', undefined],
  ['paid', undefined],
  ['chat', undefined],
  ['data', undefined],
  ['', undefined],
  ['__proto__', undefined],
  ['constructor', undefined],
];

describe('classifyField', () => {
  it.each(TABLE)('%j → %s', (name, kind) => {
    expect(classifyField(name)).toBe(kind);
  });

  it('gets right the seven names the prototype got wrong', () => {
    const seven = ['country', 'message', 'lat', 'format', 'account', 'filename', 'session_id'];
    expect(seven.map(classifyField)).toEqual([
      'country',
      'text',
      'latitude',
      'word',
      'accountNumber',
      'fileName',
      'token',
    ]);
  });

  it('treats createdAt, created_at, CREATED-AT and user.created alike', () => {
    const names = ['createdAt', 'created_at', 'CREATED-AT', 'user.created', 'Created'];
    expect(new Set(names.map(classifyField))).toEqual(new Set(['createdDate']));
  });

  it('reaches every kind (at least 40) from some name in the table', () => {
    const reached = new Set(TABLE.map(([, kind]) => kind).filter((kind) => kind !== undefined));
    expect([...FIELD_KINDS].filter((kind) => !reached.has(kind))).toEqual([]);
    expect(FIELD_KINDS.length).toBeGreaterThanOrEqual(40);
  });

  it('is not fooled by very long names', () => {
    expect(classifyField(`${'x_'.repeat(5000)}email`)).toBeUndefined();
    expect(classifyField(`email_${'x_'.repeat(5000)}`)).toBe('email');
  });
});
