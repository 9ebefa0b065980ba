import { faker } from '@faker-js/faker/locale/en';
import { parseTemplate } from '../paths/parse-template.js';
import { hashString } from '../random.js';
import { MAX_DEPTH } from '../schema/schema-node.js';
import type { JsonKind, SchemaNode } from '../schema/schema-node.js';
import { itemCountRange, kindsOf } from '../schema/schema-read.js';
import { classifyField } from './classify-field.js';
import { evidenceRange } from './evidence-range.js';
import type { FieldKind } from './field-kinds.js';
import { echoPathValue, echoRequestValue } from './echo-value.js';
import type { Echo } from './echo-value.js';
import { generateScalar } from './generate-scalar.js';
import type { ValueContext } from './generate-value.js';
import { pickWeighted } from './pick-weighted.js';
import { normalizeFieldKey, planPathEchoes } from './plan-path-echoes.js';
import type { PathEchoPlan } from './plan-path-echoes.js';

/** The request a mock body answers. */
export interface MockContext {
  /**
   * Same seed + same request → byte-identical body (used modulo 2^32). Callers take it from
   * `X-Mock-Seed` / `--mock-seed`, or draw a fresh one per request so unseeded calls vary.
   */
  seed: number;
  /** Epoch ms every generated date is relative to. */
  now: number;
  /** Path parameters by template name (`{ id: '42' }`). */
  pathParams: Record<string, string>;
  /** Parsed JSON request body; its scalars are echoed into same-named response fields. */
  requestBody?: unknown;
  /** Field name for the root value's heuristics; defaults to the template's last literal. */
  fieldPath?: string;
  /** Endpoint template (`/users/{id}`): names resources for echoes and seeds entities. */
  template?: string;
}

/** Answer when nothing was learned about the body. */
export const NO_SCHEMA_MESSAGE = 'No response body has been learned for this endpoint yet';
/** Arrays never get more items than this, whatever was learned. */
export const MAX_ARRAY_ITEMS = 20;
/** Item count range when none was learned. */
export const DEFAULT_ARRAY_ITEMS = { min: 1, max: 4 } as const;
/** Entries generated for a collapsed map (learned keys are not replayed). */
export const MAP_ENTRIES = { min: 1, max: 3 } as const;
/** Values per body; past it arrays stop growing and optional fields are left out. */
export const MAX_GENERATED_VALUES = 5000;
/** How deep under the root the entity object (the one holding `id`) is looked for. */
export const ENTITY_SEARCH_DEPTH = 2;

const SEED_SPACE = 0xffff_ffff;

interface Walk {
  value: ValueContext;
  echo: PathEchoPlan;
  /** The object that describes the path's entity, generated from its own seed. */
  entity?: { node: SchemaNode; seed: number };
  left: number;
  /** A node is always reached under the same name, so its kind is classified once. */
  kinds: Map<SchemaNode, FieldKind | undefined>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasIdProperty(node: SchemaNode): boolean {
  return Object.keys(node.properties ?? {}).some((key) => normalizeFieldKey(key) === 'id');
}

/** Breadth-first down object properties (not arrays): `{ id }` or `{ data: { id } }`. */
function findEntityNode(root: SchemaNode): SchemaNode | undefined {
  let level = [root];
  for (let depth = 0; depth <= ENTITY_SEARCH_DEPTH && level.length > 0; depth++) {
    const found = level.find((node) => node.types.object && hasIdProperty(node));
    if (found) return found;
    level = level.flatMap((node) =>
      Object.values(node.properties ?? {}).filter((child) => (child.types.object ?? 0) > 0),
    );
  }
  return undefined;
}

function pickKind(node: SchemaNode): JsonKind | undefined {
  const kinds = kindsOf(node);
  if (kinds.length <= 1) return kinds[0];
  return pickWeighted(
    kinds.map((kind) => [kind, node.types[kind] ?? 0] as const),
    faker,
  );
}

function classifyOnce(node: SchemaNode, name: string, walk: Walk): FieldKind | undefined {
  if (!walk.kinds.has(node)) walk.kinds.set(node, classifyField(name));
  return walk.kinds.get(node);
}

function generateNode(
  node: SchemaNode,
  name: string,
  request: unknown,
  walk: Walk,
  depth: number,
): unknown {
  walk.left--;
  if (node.nullCount > 0 && faker.datatype.boolean({ probability: node.nullCount / node.count })) {
    return null;
  }
  const kind = pickKind(node);
  switch (kind) {
    case undefined:
      return null;
    case 'object':
      return node === walk.entity?.node
        ? generateEntity(node, name, request, walk, depth, walk.entity.seed)
        : generateObject(node, name, request, walk, depth);
    case 'array':
      return generateArray(node, name, walk, depth);
    default:
      return generateScalar(node, kind, classifyOnce(node, name, walk), walk.value);
  }
}

/** The entity is drawn from its own seed, then the body's stream resumes where it was. */
function generateEntity(
  node: SchemaNode,
  name: string,
  request: unknown,
  walk: Walk,
  depth: number,
  seed: number,
): Record<string, unknown> {
  const resume = faker.number.int(SEED_SPACE);
  faker.seed(seed);
  const entity = generateObject(node, name, request, walk, depth);
  faker.seed(resume);
  return entity;
}

function echoFor(key: string, child: SchemaNode, entity: boolean, request: unknown, walk: Walk) {
  const field = normalizeFieldKey(key);
  const raw = entity && field === 'id' ? walk.echo.entityId : walk.echo.fields.get(field);
  const fromPath: Echo | undefined = raw === undefined ? undefined : echoPathValue(raw, child);
  if (fromPath || !isRecord(request) || !Object.hasOwn(request, key)) return fromPath;
  return echoRequestValue(request[key], child);
}

function generateObject(
  node: SchemaNode,
  name: string,
  request: unknown,
  walk: Walk,
  depth: number,
): Record<string, unknown> {
  // Null prototype: a learned key such as `__proto__` must become a plain property.
  const out = Object.create(null) as Record<string, unknown>;
  if (depth >= MAX_DEPTH) return out;
  if (node.additionalProperties) {
    const entries = faker.number.int(MAP_ENTRIES);
    for (let i = 0; i < entries && walk.left > 0; i++) {
      const key = faker.string.alphanumeric({ length: 8, casing: 'lower' });
      out[key] = generateNode(node.additionalProperties, name, undefined, walk, depth + 1);
    }
    return out;
  }
  const objects = node.types.object ?? 0;
  const entity = node === walk.entity?.node;
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const required = child.count >= objects;
    const present =
      required || (walk.left > 0 && faker.datatype.boolean({ probability: child.count / objects }));
    const echo = echoFor(key, child, entity, request, walk);
    if (!present && !echo) continue;
    const nested = isRecord(request) && Object.hasOwn(request, key) ? request[key] : undefined;
    const value = generateNode(child, key, nested, walk, depth + 1);
    out[key] = echo ? echo.value : value;
  }
  return out;
}

function generateArray(node: SchemaNode, name: string, walk: Walk, depth: number): unknown[] {
  const items = node.items;
  if (depth >= MAX_DEPTH || !items || items.count === 0) return [];
  const range =
    evidenceRange(itemCountRange(node), node.types.array ?? 0, 'size') ?? DEFAULT_ARRAY_ITEMS;
  const size = faker.number.int({
    min: Math.min(range.min, MAX_ARRAY_ITEMS),
    max: Math.min(range.max, MAX_ARRAY_ITEMS),
  });
  const out: unknown[] = [];
  for (let i = 0; i < size && walk.left > 0; i++) {
    out.push(generateNode(items, name, undefined, walk, depth + 1));
  }
  return out;
}

function lastLiteral(template: string | undefined): string {
  const segments = template === undefined ? undefined : parseTemplate(template);
  const literals = (segments ?? []).flatMap((s) => (s.type === 'literal' ? [s.value] : []));
  return literals[literals.length - 1] ?? '';
}

/**
 * Generates a mock body that follows a learned schema: kinds picked with their learned
 * frequencies, optional fields emitted with probability count/objects, nulls with
 * probability nullCount/count, enums, formats and ranges respected (see evidenceRange for
 * ranges with little evidence), arrays sized within the learned item counts (at most
 * MAX_ARRAY_ITEMS), values from field-name heuristics.
 * Path parameters and request scalars are echoed into matching fields (converted to the
 * field's type); the entity object of `/users/{id}` is drawn from a seed of template + id,
 * so the same user comes back on every call. Without a schema (or with an empty one) the
 * body is `{ "message": NO_SCHEMA_MESSAGE }`.
 *
 * Uses the shared en-locale faker instance, re-seeded on entry; the call is synchronous, so
 * no other user of the instance can interleave.
 */
export function generateBody(node: SchemaNode | undefined, ctx: MockContext): unknown {
  if (!node || node.count === 0) return { message: NO_SCHEMA_MESSAGE };
  faker.seed(ctx.seed >>> 0);
  faker.setDefaultRefDate(ctx.now);
  const echo = planPathEchoes(ctx.template, ctx.pathParams);
  const walk: Walk = {
    value: { faker, now: ctx.now },
    echo,
    left: MAX_GENERATED_VALUES,
    kinds: new Map(),
  };
  const entityNode = echo.entityId === undefined ? undefined : findEntityNode(node);
  if (entityNode) {
    walk.entity = {
      node: entityNode,
      seed: hashString(`${ctx.template ?? ''}\u0000${echo.entityId ?? ''}`),
    };
  }
  return generateNode(node, ctx.fieldPath ?? lastLiteral(ctx.template), ctx.requestBody, walk, 0);
}
