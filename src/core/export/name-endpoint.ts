import { parseTemplate } from '../paths/parse-template.js';
import type { TemplateSegment } from '../paths/parse-template.js';
import { singularize } from '../paths/singularize.js';

// Leading `/api`, `/rest`, `/v1`… say nothing about the resource; dropping them keeps
// names short. Two templates that differ only there get a numeric suffix later.
const PREFIX_SEGMENT = /^(?:api|rest|v\d+(?:\.\d+)*)$/i;
const VERBS: Readonly<Record<string, string>> = {
  POST: 'Create',
  PUT: 'Update',
  PATCH: 'Update',
  DELETE: 'Delete',
};

/**
 * PascalCase from the ASCII letters and digits of `text`: `user_profiles` → `UserProfiles`,
 * `userId` → `UserId`, `a"; exit(1)` → `AExit1`; '' when there are none (`名前`).
 */
export function toPascalCase(text: string): string {
  return (text.match(/[A-Za-z0-9]+/g) ?? [])
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function readSegments(template: string): TemplateSegment[] {
  return (
    parseTemplate(template) ??
    template
      .split('/')
      .filter((part) => part !== '')
      .map((value): TemplateSegment => ({ type: 'literal', value }))
  );
}

/** Singular of the last word only: `user_profiles` → `UserProfile`. */
function singularPascal(segment: string): string {
  const words = segment.match(/[A-Za-z0-9]+/g) ?? [];
  const last = words.pop();
  if (last === undefined) return '';
  return toPascalCase([...words, singularize(last)].join(' '));
}

/**
 * Base type name of an endpoint, from its method and literal segments:
 * GET on a collection (template ends in a plural literal) → `ListUsers`; GET on an item
 * (ends in a parameter) or a singular literal (`/me`, `/health`) → `GetUser`, `GetHealth`;
 * POST → `CreateUser` (creates one: singular); PUT/PATCH → `UpdateUser`; DELETE →
 * `DeleteUser`; other methods `<Method><Resource>`. A literal followed by a parameter is
 * singular (`/users/{id}/orders` → `ListUserOrders`), other literals keep their number;
 * leading `api`/`rest`/`v1` segments are skipped; `/` is `Root`.
 * Callers resolve collisions (PUT and PATCH on one path share a base name).
 */
export function nameEndpoint(method: string, template: string): string {
  const segments = readSegments(template);
  let start = 0;
  while (start < segments.length - 1 && isPrefix(segments[start])) start++;
  const upper = method.toUpperCase();
  const literals: string[] = [];
  let collection = false;
  for (let i = start; i < segments.length; i++) {
    const segment = segments[i];
    if (segment?.type !== 'literal') continue;
    const isLast = i === segments.length - 1;
    const singular = singularPascal(segment.value);
    const plural = toPascalCase(segment.value);
    if (isLast && singular !== plural) collection = true;
    const beforeParam = segments[i + 1]?.type === 'param';
    literals.push(beforeParam || (isLast && upper === 'POST') ? singular : plural);
  }
  const resource = literals.join('') || (segments.length === 0 ? 'Root' : 'Resource');
  return `${verbOf(upper, collection)}${resource}`;
}

function isPrefix(segment: TemplateSegment | undefined): boolean {
  return segment?.type === 'literal' && PREFIX_SEGMENT.test(segment.value);
}

function verbOf(method: string, collection: boolean): string {
  if (method === 'GET') return collection ? 'List' : 'Get';
  return VERBS[method] ?? (toPascalCase(method.toLowerCase()) || 'Call');
}
