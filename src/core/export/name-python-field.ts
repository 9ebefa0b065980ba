const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield'
  ).split(' '),
);

/**
 * Names a field must not take: BaseModel's public attributes (a field would shadow them)
 * and every name the generated annotations use. Python evaluates a class body top-down, so
 * `datetime: Optional[datetime] = None` would turn later `datetime` annotations into None.
 */
const TAKEN_BY_MODULE: ReadonlySet<string> = new Set(
  (
    'construct copy dict from_orm json parse_file parse_obj parse_raw schema schema_json ' +
    'update_forward_refs validate ' +
    'str int float bool Any Dict List Literal Optional Union datetime date UUID IPv4Address ' +
    'BaseModel Field RootModel'
  ).split(' '),
);

/** True when `key` can be used as it is (no alias needed), ignoring names already taken. */
function isPlainName(key: string, classNames: ReadonlySet<string>): boolean {
  return (
    /^[A-Za-z][A-Za-z0-9_]*$/.test(key) &&
    !key.startsWith('model_') &&
    !PYTHON_KEYWORDS.has(key) &&
    !TAKEN_BY_MODULE.has(key) &&
    !classNames.has(key)
  );
}

function sanitize(key: string, classNames: ReadonlySet<string>): string {
  // Leading underscores would make pydantic treat the field as a private attribute.
  const name = key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') return 'field';
  if (/^[0-9]/.test(name) || name.startsWith('model_')) return `field_${name}`;
  return isPlainName(name, classNames) ? name : `${name}_`;
}

/**
 * Python attribute names for the JSON keys of one model, in the same order: a key that
 * is a safe ASCII identifier keeps its name; any other (`with-dash`, `123abc`, `class`,
 * `__proto__`, `名前`, `model_config`, `json`…) gets a sanitised name and must be declared
 * with `Field(alias=<key>)`. Plain keys are served first, so `a_b` keeps its name even when
 * `a-b` sorts before it; repeats get `_2`, `_3`…
 */
export function namePythonFields(
  keys: readonly string[],
  classNames: ReadonlySet<string>,
): string[] {
  const taken = new Set<string>();
  const names: string[] = new Array<string>(keys.length).fill('');
  const plainFirst = keys
    .map((key, index) => ({ key, index, plain: isPlainName(key, classNames) }))
    .sort((a, b) => Number(b.plain) - Number(a.plain) || a.index - b.index);
  for (const { key, index, plain } of plainFirst) {
    const base = plain ? key : sanitize(key, classNames);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    names[index] = name;
  }
  return names;
}
