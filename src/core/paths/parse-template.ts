import { MAX_PATH_LENGTH } from './path-limits.js';
import { splitPath } from './split-path.js';

/** One segment of a template: a literal, or a `{name}` parameter with an optional literal suffix. */
export type TemplateSegment =
  { type: 'literal'; value: string } | { type: 'param'; name: string; suffix: string };

const MAX_PARAM_NAME = 64;
// Escaping `{` and `}` triples their length, so a template may outgrow its path.
const MAX_TEMPLATE_LENGTH = 3 * MAX_PATH_LENGTH;

/**
 * Literal segments keep `{` and `}` percent-encoded, so a raw segment `{id}` can never be read
 * back as a parameter. Learned literals are stored in this form.
 */
export function escapeTemplateLiteral(segment: string): string {
  if (!segment.includes('{') && !segment.includes('}')) return segment;
  return segment.replaceAll('{', '%7B').replaceAll('}', '%7D');
}

/**
 * Parses `/repos/{owner}/{repo}/files/{id}.json`. Parameter names are identifiers
 * (`[A-Za-z_][A-Za-z0-9_]*`, at most 64 chars); a literal may follow the closing brace.
 * Returns undefined for anything else (stray braces, over-long templates); `/` is `[]`.
 */
export function parseTemplate(template: string): TemplateSegment[] | undefined {
  const parts = splitPath(template, MAX_TEMPLATE_LENGTH);
  if (!parts || template.includes('?')) return undefined;
  const segments: TemplateSegment[] = [];
  for (const part of parts) {
    const segment = parseSegment(part);
    if (!segment) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** The parameter names of a template in order, or [] when it does not parse. */
export function templateParamNames(template: string): string[] {
  const names: string[] = [];
  for (const segment of parseTemplate(template) ?? []) {
    if (segment.type === 'param') names.push(segment.name);
  }
  return names;
}

function parseSegment(part: string): TemplateSegment | undefined {
  if (!part.startsWith('{')) {
    return part.includes('{') || part.includes('}') ? undefined : { type: 'literal', value: part };
  }
  const close = part.indexOf('}');
  if (close < 2) return undefined;
  const name = part.slice(1, close);
  const suffix = part.slice(close + 1);
  if (!isParamName(name) || suffix.includes('{') || suffix.includes('}')) return undefined;
  return { type: 'param', name, suffix };
}

/** `[A-Za-z_][A-Za-z0-9_]*`, at most 64 chars. */
export function isParamName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_PARAM_NAME) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
    const digit = c >= 0x30 && c <= 0x39;
    if (!letter && c !== 0x5f && !(digit && i > 0)) return false;
  }
  return true;
}
