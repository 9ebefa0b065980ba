import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/** Nesting shown before the tree stops (learned data is untrusted and may be deep). */
const MAX_DEPTH = 40;
/** Entries shown per object or array; the rest are counted. */
const MAX_ENTRIES = 200;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** A scalar as a highlighted token; strings keep their JSON quoting and escapes. */
export function ScalarToken({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span class="tok-str">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span class="tok-num">{String(value)}</span>;
  if (typeof value === 'boolean' || value === null)
    return <span class="tok-kw">{String(value)}</span>;
  return <span class="tok-kw">{value === undefined ? 'undefined' : typeof value}</span>;
}

function Key({ name }: { name: string | undefined }) {
  if (name === undefined) return null;
  return (
    <>
      <span class="tok-key">{JSON.stringify(name)}</span>
      <span class="tok-punct">: </span>
    </>
  );
}

function JsonNode(props: { name?: string; value: unknown; depth: number; comma: boolean }) {
  const { name, value, depth, comma } = props;
  const [open, setOpen] = useState(depth < 3);
  const tail = comma ? <span class="tok-punct">,</span> : null;
  if (!isContainer(value)) {
    return (
      <div class="tree-row">
        <Key name={name} />
        <ScalarToken value={value} />
        {tail}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const [opening, closing] = isArray ? ['[', ']'] : ['{', '}'];
  const entries: [string | undefined, unknown][] = isArray
    ? value.map((item): [undefined, unknown] => [undefined, item])
    : Object.entries(value);
  if (depth >= MAX_DEPTH || entries.length === 0) {
    return (
      <div class="tree-row">
        <Key name={name} />
        <span class="tok-punct">
          {entries.length === 0 ? opening + closing : `${opening}…${closing}`}
        </span>
        {tail}
      </div>
    );
  }
  const shown = entries.slice(0, MAX_ENTRIES);
  let body: ComponentChildren = null;
  if (open) {
    body = (
      <div class="tree-children">
        {shown.map(([key, item], index) => (
          <JsonNode
            key={index}
            {...(key === undefined ? {} : { name: key })}
            value={item}
            depth={depth + 1}
            comma={index < entries.length - 1}
          />
        ))}
        {entries.length > shown.length && (
          <div class="tree-row muted">… {entries.length - shown.length} more</div>
        )}
      </div>
    );
  }
  return (
    <div class="tree-node">
      <div class="tree-row">
        <button type="button" class="toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        <Key name={name} />
        <span class="tok-punct">{opening}</span>
        {!open && (
          <span class="muted">
            {' '}
            {entries.length} {isArray ? 'items' : 'keys'} <span class="tok-punct">{closing}</span>
          </span>
        )}
        {!open && tail}
      </div>
      {body}
      {open && (
        <div class="tree-row">
          <span class="tok-punct">{closing}</span>
          {tail}
        </div>
      )}
    </div>
  );
}

/**
 * Collapsible, syntax-highlighted JSON built from Preact elements (never HTML strings), so
 * markup inside learned keys and values stays text.
 */
export function JsonView({ value, label }: { value: unknown; label?: string }) {
  return (
    <div class="code-view" aria-label={label} data-testid="json-view">
      <JsonNode value={value} depth={0} comma={false} />
    </div>
  );
}
