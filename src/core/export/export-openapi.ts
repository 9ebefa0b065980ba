import { OpenApiBuilder } from 'openapi3-ts/oas31';
import type {
  ExamplesObject,
  MediaTypeObject,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ResponseObject,
  ResponsesObject,
} from 'openapi3-ts/oas31';
import type { EndpointModel, RecordedExample } from '../model/endpoint-model.js';
import { describeExport } from './describe-export.js';
import { inferPathParameters } from './infer-path-parameters.js';
import { planTypes } from './plan-types.js';
import type { EndpointTypes } from './plan-types.js';
import { shareComponents } from './share-components.js';
import type { SharedComponents } from './share-components.js';

/** A plain OpenAPI 3.1 document (serialise with JSON.stringify). */
export type OpenApiDocument = OpenAPIObject;

export interface ExportOpenApiOptions {
  /** `info.title`; default "Learned API". */
  title?: string;
  /** `info.version`; default "1.0.0". */
  version?: string;
  /** Adds `servers: [{ url }]`. */
  serverUrl?: string;
  /** Adds a "Generated at" line to `info.description`; omitted by default so exports diff cleanly. */
  generatedAt?: string;
}

// OpenAPI 3.1 path items cannot hold other methods (3.2's additionalOperations can).
const OPERATION_METHODS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);
const STATUS_CODE = /^[1-5]\d\d$/;

/** The most frequent JSON media type (`application/problem+json`…), else application/json. */
function pickJsonMediaType(counts: Readonly<Record<string, number>>): string {
  let best = 'application/json';
  let bestCount = 0;
  for (const type of Object.keys(counts).sort()) {
    const count = counts[type] ?? 0;
    if (/[/+]json$/.test(type) && count > bestCount) [best, bestCount] = [type, count];
  }
  return best;
}

function toExamples(
  model: EndpointModel,
  examples: readonly RecordedExample[],
  read: (example: RecordedExample) => unknown,
): ExamplesObject | undefined {
  const seen = new Set<string>();
  const result: ExamplesObject = {};
  for (const example of examples) {
    const value = read(example);
    const text = JSON.stringify(value);
    if (value === undefined || text === undefined || seen.has(text)) continue;
    seen.add(text);
    const query = example.query === '' ? '' : `?${example.query}`;
    const summary = `${model.method.toUpperCase()} ${example.path}${query}`;
    result[`recorded-${seen.size}`] = { summary, value };
  }
  return seen.size > 0 ? result : undefined;
}

function mediaType(
  schemaRef: string | undefined,
  examples: ExamplesObject | undefined,
): MediaTypeObject {
  const media: MediaTypeObject = {};
  if (schemaRef !== undefined) media.schema = { $ref: schemaRef };
  if (examples) media.examples = examples;
  return media;
}

function describeResponse(
  types: EndpointTypes,
  status: string,
  components: SharedComponents,
): ResponseObject {
  const { model } = types;
  const seen = model.stats.statusCounts[status] ?? 0;
  const response: ResponseObject = {
    description: `Seen ${seen} of ${model.stats.requestCount} times.`,
  };
  const examples = model.examples[status] ?? [];
  const learned = model.responses[status];
  const typeName = types.responses.find((entry) => entry.status === status)?.name;
  if (typeName !== undefined) {
    const json = toExamples(model, examples, (example) => example.responseBody);
    const type = pickJsonMediaType(learned?.contentTypes ?? {});
    response.content = { [type]: mediaType(components.refFor(typeName), json) };
    return response;
  }
  const texts = toExamples(model, examples, (example) => example.responseText);
  const textType = examples.find((example) => example.responseText !== undefined)?.contentType;
  if (texts && textType)
    response.content = { [textType]: { schema: { type: 'string' }, examples: texts } };
  return response;
}

function describeParameters(types: EndpointTypes, components: SharedComponents): ParameterObject[] {
  const parameters: ParameterObject[] = inferPathParameters(types.model).map(
    ({ name, schema }) => ({
      name,
      in: 'path',
      required: true,
      schema: components.schemaFor(schema),
    }),
  );
  const query = types.query === undefined ? undefined : components.schemas[types.query];
  const required = new Set(query?.required ?? []);
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    parameters.push({ name, in: 'query', required: required.has(name), schema });
  }
  return parameters;
}

function describeOperation(types: EndpointTypes, components: SharedComponents): OperationObject {
  const { model, baseName } = types;
  const operation: OperationObject = {
    operationId: baseName.charAt(0).toLowerCase() + baseName.slice(1),
    summary: `${model.method.toUpperCase()} ${model.template}`,
    description: `Learned from ${model.stats.requestCount} exchanges.`,
  };
  const parameters = describeParameters(types, components);
  if (parameters.length > 0) operation.parameters = parameters;
  if (types.request !== undefined) {
    const all = Object.values(model.examples).flat();
    const examples = toExamples(model, all, (example) => example.requestBody);
    const type = pickJsonMediaType(model.requestContentTypes);
    operation.requestBody = {
      // Required only when every exchange seen carried a body.
      required: (model.requestSchema?.count ?? 0) >= model.stats.requestCount,
      content: { [type]: mediaType(components.refFor(types.request), examples) },
    };
  }
  const statuses = [...new Set([...Object.keys(model.responses), ...Object.keys(model.examples)])]
    .filter((status) => STATUS_CODE.test(status))
    .sort();
  const responses: ResponsesObject = {};
  for (const status of statuses) responses[status] = describeResponse(types, status, components);
  if (statuses.length === 0) responses.default = { description: 'No response learned yet.' };
  operation.responses = responses;
  return operation;
}

/**
 * Builds an OpenAPI 3.1 document from the learned models: one operation per endpoint
 * (methods OpenAPI 3.1 cannot express are left out) with typed path parameters (from the
 * recorded paths) and query parameters, the request body, and every learned status with
 * its schema and recorded examples. Schemas are the same named types as exportTypes
 * (`#/components/schemas/GetUserResponse`), with identical nested shapes shared. No clock
 * is read: the same models give the same document. An empty model gives a valid document
 * with no paths.
 */
export function exportOpenApi(
  models: readonly EndpointModel[],
  options: ExportOpenApiOptions = {},
): OpenApiDocument {
  const plan = planTypes(models);
  const components = shareComponents(plan.definitions);
  const builder = OpenApiBuilder.create({
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Learned API',
      version: options.version ?? '1.0.0',
      description: describeExport(plan, options.generatedAt).join('\n'),
    },
    paths: {},
    components: { schemas: {} },
  });
  if (options.serverUrl !== undefined) builder.addServer({ url: options.serverUrl });
  for (const [name, schema] of Object.entries(components.schemas)) builder.addSchema(name, schema);
  for (const types of plan.endpoints) {
    const method = types.model.method.toLowerCase();
    if (!OPERATION_METHODS.has(method)) continue;
    builder.addPath(types.model.template, { [method]: describeOperation(types, components) });
  }
  return builder.getSpec();
}
