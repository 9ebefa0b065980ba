import { describe, expect, it } from 'vitest';
import type { TypePlan } from './plan-types.js';
import { printPydantic } from './print-pydantic.js';
import type { TypeSchema } from './type-schema.js';

function planOf(schema: TypeSchema): TypePlan {
  return { endpoints: [], definitions: [{ name: 'T', schema }], sampleCount: 0 };
}

function fieldLine(field: TypeSchema, required = true, key = 'f'): string {
  const properties = Object.create(null) as Record<string, TypeSchema>;
  properties[key] = field;
  const text = printPydantic(
    planOf({ type: 'object', properties, required: required ? [key] : [] }),
  );
  return (
    text
      .split('\n')
      .find((line) => line.startsWith('    ') && line.includes(': '))
      ?.trim() ?? ''
  );
}

describe('printPydantic', () => {
  it.each<[string, TypeSchema, string]>([
    ['string', { type: 'string' }, 'f: str'],
    ['integer', { type: 'integer' }, 'f: int'],
    ['number', { type: 'number' }, 'f: float'],
    ['boolean', { type: 'boolean' }, 'f: bool'],
    ['nullable but always present', { type: ['integer', 'null'] }, 'f: Optional[int]'],
    ['only null', { type: 'null' }, 'f: None'],
    ['anything', {}, 'f: Any'],
    ['union', { type: ['string', 'integer'] }, 'f: Union[str, int]'],
    [
      'enum',
      { type: ['string', 'null'], enum: ['a', 'b"c', null] },
      'f: Optional[Literal["a", "b\\"c"]]',
    ],
    ['integer enum', { type: 'integer', enum: [1, 2] }, 'f: Literal[1, 2]'],
    ['date-time', { type: 'string', format: 'date-time' }, 'f: datetime'],
    ['date', { type: 'string', format: 'date' }, 'f: date'],
    ['uuid', { type: 'string', format: 'uuid' }, 'f: UUID'],
    ['ipv4', { type: 'string', format: 'ipv4' }, 'f: IPv4Address'],
    ['email needs no extras', { type: 'string', format: 'email' }, 'f: str  # format: email'],
    ['array of named type', { type: 'array', items: { $ref: '#/$defs/Item' } }, 'f: List[Item]'],
    ['map', { type: 'object', additionalProperties: { type: 'integer' } }, 'f: Dict[str, int]'],
    ['object without learned keys', { type: 'object' }, 'f: Dict[str, Any]'],
    [
      'nullable named object',
      { anyOf: [{ $ref: '#/$defs/Owner' }, { type: 'null' }] },
      'f: Optional[Owner]',
    ],
  ])('%s', (_label, field, expected) => {
    expect(fieldLine(field)).toBe(expected);
  });

  it.each<[string, boolean, string, string]>([
    ['optional field', false, 'f', 'f: Optional[str] = None'],
    ['aliased required field', true, 'with-dash', 'with_dash: str = Field(alias="with-dash")'],
    [
      'aliased optional field',
      false,
      'class',
      'class_: Optional[str] = Field(default=None, alias="class")',
    ],
  ])('%s', (_label, required, key, expected) => {
    expect(fieldLine({ type: 'string' }, required, key)).toBe(expected);
  });

  it('imports exactly what it uses', () => {
    const text = printPydantic(
      planOf({
        type: 'object',
        properties: { at: { type: 'string', format: 'date-time' } },
        required: ['at'],
      }),
    );
    expect(text).toContain('from datetime import datetime\n\nfrom pydantic import BaseModel\n');
    expect(text).not.toContain('typing');
  });

  it('prints non-object roots as RootModel', () => {
    const text = printPydantic(
      planOf({ title: 'T', type: 'array', items: { $ref: '#/$defs/Item' } }),
    );
    expect(text).toContain('class T(RootModel[List[Item]]):\n    pass\n');
  });

  it('prints only the header for an empty plan', () => {
    const text = printPydantic({ endpoints: [], definitions: [], sampleCount: 0 });
    expect(text.split('\n').every((line) => line === '' || line.startsWith('# '))).toBe(true);
  });
});
