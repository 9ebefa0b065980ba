import { describe, expect, it } from 'vitest';
import { namePythonFields } from './name-python-field.js';

describe('namePythonFields', () => {
  it.each<[string, string[], string[]]>([
    ['identifiers are kept', ['id', 'created_at', 'userId'], ['id', 'created_at', 'userId']],
    ['dashes and spaces become one underscore', ['with-dash', 'a b--c'], ['with_dash', 'a_b_c']],
    ['leading digits get a prefix', ['123abc'], ['field_123abc']],
    [
      'leading underscores (private in pydantic) are dropped',
      ['_private', '__proto__'],
      ['private', 'proto'],
    ],
    [
      'keywords get a trailing underscore',
      ['class', 'None', 'async'],
      ['class_', 'None_', 'async_'],
    ],
    [
      'BaseModel attributes are not shadowed',
      ['json', 'schema', 'copy'],
      ['json_', 'schema_', 'copy_'],
    ],
    [
      'the model_ namespace is avoided',
      ['model_config', 'model_x'],
      ['field_model_config', 'field_model_x'],
    ],
    [
      'annotation names are not shadowed',
      ['datetime', 'List', 'str'],
      ['datetime_', 'List_', 'str_'],
    ],
    ['no ASCII at all', ['名前', ''], ['field', 'field_2']],
    ['plain keys win over sanitised ones', ['a-b', 'a_b'], ['a_b_2', 'a_b']],
    ['statements are neutralised', ['a"; process.exit(1); //'], ['a_process_exit_1']],
  ])('%s', (_label, keys, expected) => {
    expect(namePythonFields(keys, new Set())).toEqual(expected);
  });

  it('never reuses a generated class name', () => {
    expect(namePythonFields(['GetUserResponse'], new Set(['GetUserResponse']))).toEqual([
      'GetUserResponse_',
    ]);
  });

  it('gives distinct valid identifiers for any keys', () => {
    const keys = ['x', 'x_', 'x-', '-x', 'x__', '', ' ', '_', 'class', 'class_', '1', 'field_1'];
    const names = namePythonFields(keys, new Set());
    expect(new Set(names).size).toBe(keys.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });
});
