import { useState } from 'preact/hooks';
import type { JsonSchemaView, ObservedView } from '../lib/views.js';
import { ScalarToken } from './json-view.js';

/** Nesting shown before the view stops (server schemas are capped, but stay defensive). */
const MAX_DEPTH = 40;
/** Properties listed per object; the rest are counted. */
const MAX_PROPERTIES = 300;

function asSchema(value: unknown): JsonSchemaView | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

function typesOf(schema: JsonSchemaView): string[] {
  const { type } = schema;
  if (Array.isArray(type)) return type.map(String);
  return type === undefined ? [] : [String(type)];
}

interface Child {
  name: string;
  /** How the name is shown: a property key, an array's items, a map's values, the body. */
  role: 'property' | 'items' | 'values' | 'root';
  schema: JsonSchemaView;
  required: boolean;
}

function childrenOf(schema: JsonSchemaView): Child[] {
  const children: Child[] = [];
  const properties = asSchema(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  if (properties) {
    for (const [name, value] of Object.entries(properties)) {
      const child = asSchema(value);
      if (child)
        children.push({ name, role: 'property', schema: child, required: required.has(name) });
    }
  }
  const values = asSchema(schema.additionalProperties);
  if (values) children.push({ name: '{key}', role: 'values', schema: values, required: false });
  const items = asSchema(schema.items);
  if (items) children.push({ name: '[ ]', role: 'items', schema: items, required: false });
  return children;
}

function range(label: string, min: number | undefined, max: number | undefined): string | null {
  if (min === undefined && max === undefined) return null;
  return min === max ? `${label} ${min}` : `${label} ${min ?? '?'}–${max ?? '?'}`;
}

function describeObserved(observed: ObservedView): string {
  return [
    range('length', observed.minLength, observed.maxLength),
    range('value', observed.minimum, observed.maximum),
    range('items', observed.minItems, observed.maxItems),
  ]
    .filter((text) => text !== null)
    .join(' · ');
}

/** The marks of one place: required/optional, nullable, enum, format, evidence. */
function Marks({ child, parentSamples }: { child: Child; parentSamples: number | undefined }) {
  const { schema } = child;
  const observed = schema['x-observed'];
  const types = typesOf(schema);
  const samples = observed?.samples;
  const enumValues = Array.isArray(schema.enum) ? schema.enum : undefined;
  const ranges = observed ? describeObserved(observed) : '';
  return (
    <>
      {child.role === 'property' &&
        (child.required ? (
          <span class="mark mark-required">required</span>
        ) : (
          <span class="mark mark-optional">optional</span>
        ))}
      {types.includes('null') && <span class="mark mark-nullable">nullable</span>}
      {schema.format !== undefined && <span class="mark mark-format">{String(schema.format)}</span>}
      {enumValues && (
        <span class="mark mark-enum">
          one of{' '}
          {enumValues.slice(0, 12).map((value, index) => (
            <span key={index}>
              {index > 0 && ', '}
              <ScalarToken value={value} />
            </span>
          ))}
          {enumValues.length > 12 && ' …'}
        </span>
      )}
      {samples !== undefined && (
        <span class="muted samples" data-testid="schema-samples">
          {samples} {samples === 1 ? 'sample' : 'samples'}
          {child.role === 'property' && parentSamples !== undefined && !child.required
            ? ` (in ${samples} of ${parentSamples})`
            : ''}
          {ranges ? ` · ${ranges}` : ''}
        </span>
      )}
    </>
  );
}

function SchemaRow(props: { child: Child; depth: number; parentSamples: number | undefined }) {
  const { child, depth } = props;
  const [open, setOpen] = useState(depth < 2);
  const children = depth < MAX_DEPTH ? childrenOf(child.schema) : [];
  const types = typesOf(child.schema).filter((type) => type !== 'null');
  const shown = children.slice(0, MAX_PROPERTIES);
  return (
    <div class="tree-node" role="treeitem" aria-expanded={children.length > 0 ? open : undefined}>
      <div class="tree-row">
        {children.length > 0 ? (
          <button type="button" class="toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span class="toggle-space" />
        )}
        <span class={child.role === 'property' ? 'tok-key' : 'tok-punct'}>{child.name}</span>
        <span class="tok-punct">: </span>
        <span class="tok-kw">{types.length > 0 ? types.join(' | ') : 'any'}</span>{' '}
        <Marks child={child} parentSamples={props.parentSamples} />
      </div>
      {open && children.length > 0 && (
        <div class="tree-children" role="group">
          {shown.map((grandchild) => (
            <SchemaRow
              key={`${grandchild.role}:${grandchild.name}`}
              child={grandchild}
              depth={depth + 1}
              parentSamples={child.schema['x-observed']?.samples}
            />
          ))}
          {children.length > shown.length && (
            <div class="tree-row muted">… {children.length - shown.length} more fields</div>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * A learned JSON Schema as a collapsible, highlighted tree with required / optional /
 * nullable / format / enum marks and sample counts. Built from elements, never HTML.
 */
export function SchemaView({ schema, label }: { schema: unknown; label: string }) {
  const root = asSchema(schema);
  if (!root) return <p class="muted">No JSON body learned.</p>;
  return (
    <div class="code-view" role="tree" aria-label={label} data-testid="schema-view">
      <SchemaRow
        child={{ name: label, role: 'root', schema: root, required: true }}
        depth={0}
        parentSamples={undefined}
      />
    </div>
  );
}
