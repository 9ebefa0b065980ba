import { parseTemplate } from '../paths/parse-template.js';
import type { TemplateSegment } from '../paths/parse-template.js';
import { singularize } from '../paths/singularize.js';
import { tokenizeName } from '../redact/tokenize-name.js';

/** Where the path parameters of a request are echoed in its mock response. */
export interface PathEchoPlan {
  /** Normalised field key (see normalizeFieldKey) → raw parameter value, at any depth. */
  fields: ReadonlyMap<string, string>;
  /**
   * The value of the parameter that ends the template (`/users/{id}` → the user's id):
   * the response describes that entity, so its `id` field gets this value.
   */
  entityId?: string;
}

/** `userId`, `user_id`, `UserID` and `user.id` all give `userid`. */
export function normalizeFieldKey(name: string): string {
  return tokenizeName(name).join('');
}

interface Param {
  name: string;
  /** Singular of the literal before the parameter (`users/{id}` → `user`). */
  resource?: string;
}

function listParams(
  segments: readonly TemplateSegment[] | undefined,
  pathParams: Record<string, string>,
): Param[] {
  if (!segments) return Object.keys(pathParams).map((name) => ({ name }));
  return segments.flatMap((segment, index): Param[] => {
    if (segment.type !== 'param') return [];
    const previous = segments[index - 1];
    return previous?.type === 'literal'
      ? [{ name: segment.name, resource: singularize(previous.value) }]
      : [{ name: segment.name }];
  });
}

/** Field keys a parameter fills: `{user}` → user, userid; `users/{id}` → userid (not `id`). */
function fieldKeys({ name, resource }: Param): string[] {
  const key = normalizeFieldKey(name);
  const keys = key === 'id' ? [] : key.endsWith('id') ? [key] : [key, `${key}id`];
  if (resource !== undefined) keys.push(`${normalizeFieldKey(resource)}id`);
  return keys.filter((candidate) => candidate !== 'id');
}

/**
 * Plans the echo of path parameters into a response: each parameter fills the fields named
 * after it or after its resource (`/users/{id}/orders` → `userId`, `user_id` in every order),
 * the first parameter claiming a key wins, and the parameter ending the template is the
 * entity id. Without a template only the parameter names are used, and `{id}` is the entity.
 */
export function planPathEchoes(
  template: string | undefined,
  pathParams: Record<string, string>,
): PathEchoPlan {
  const segments = template === undefined ? undefined : parseTemplate(template);
  const fields = new Map<string, string>();
  for (const param of listParams(segments, pathParams)) {
    if (!Object.hasOwn(pathParams, param.name)) continue;
    const value = pathParams[param.name] ?? '';
    for (const key of fieldKeys(param)) if (!fields.has(key)) fields.set(key, value);
  }
  const last = segments?.[segments.length - 1];
  const entityName = segments ? (last?.type === 'param' ? last.name : undefined) : 'id';
  const entityId =
    entityName !== undefined && Object.hasOwn(pathParams, entityName)
      ? pathParams[entityName]
      : undefined;
  return entityId === undefined ? { fields } : { fields, entityId };
}
