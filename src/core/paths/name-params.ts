import type { ParamKind } from './detect-segment.js';
import { singularize } from './singularize.js';

/** One step of a template: a literal, or a parameter found by a detector or by cardinality. */
export type TemplateEdge =
  | { type: 'literal'; value: string }
  | {
      type: 'param';
      /** `promoted`: a position made a parameter by cardinality or by a pinned rule. */
      kind: ParamKind | 'promoted';
      suffix: string;
      /** Name fixed by a pinned rule; it wins over every derived name. */
      pinnedName?: string | undefined;
    };

const FALLBACK_NAME = 'param';
const MAX_DERIVED_NAME = 32;

/**
 * Names the parameters of a template, in order; names are unique within the template:
 * 1. pinned names (from rules) are used as they are;
 * 2. a detected parameter is named after its kind (`{id}`, `{hash}`, `{slug}`, `{token}`),
 *    unless that name would repeat: then it takes the singular of the literal before it
 *    (`/orgs/{org}/repos/{repo}`), when there is one;
 * 3. a promoted parameter takes the singular of the literal before it, else `{param}`;
 * 4. any name still taken gets the first free number: `{id}`, `{id2}`, `{id3}`.
 */
export function nameParams(edges: readonly TemplateEdge[]): string[] {
  const params: { edge: Extract<TemplateEdge, { type: 'param' }>; base: string; index: number }[] =
    [];
  for (const [index, edge] of edges.entries()) {
    if (edge.type !== 'param') continue;
    const base =
      edge.pinnedName ??
      (edge.kind === 'promoted' ? (nameAfter(edges, index) ?? FALLBACK_NAME) : edge.kind);
    params.push({ edge, base, index });
  }
  const repeats = new Map<string, number>();
  for (const { base } of params) repeats.set(base, (repeats.get(base) ?? 0) + 1);
  const used = new Set<string>();
  for (const { edge } of params) if (edge.pinnedName !== undefined) used.add(edge.pinnedName);
  return params.map(({ edge, base, index }) => {
    if (edge.pinnedName !== undefined) return edge.pinnedName;
    const repeated = (repeats.get(base) ?? 0) > 1;
    return claimName(repeated ? (nameAfter(edges, index) ?? base) : base, used);
  });
}

function claimName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
  used.add(candidate);
  return candidate;
}

/** The identifier-safe singular of the literal just before `index`, if there is one. */
function nameAfter(edges: readonly TemplateEdge[], index: number): string | undefined {
  const previous = edges[index - 1];
  if (previous?.type !== 'literal') return undefined;
  const name = singularize(previous.value)
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/_$/, '');
  return name.length > 0 && name.length <= MAX_DERIVED_NAME ? name : undefined;
}
