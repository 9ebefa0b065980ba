import { escapeTemplateLiteral, parseTemplate } from './parse-template.js';
import { splitPath } from './split-path.js';

/**
 * Reads the parameter values of `path` under `template` (same splitting rule as the learner:
 * query, empty segments and trailing slash ignored). Returns undefined when the path does not
 * fit the template. Values are raw: callers must not store `{token}` values.
 */
export function extractParams(template: string, path: string): Record<string, string> | undefined {
  const parts = parseTemplate(template);
  const segments = splitPath(path);
  if (!parts || !segments || parts.length !== segments.length) return undefined;
  const params = Object.create(null) as Record<string, string>;
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.type === 'literal') {
      if (escapeTemplateLiteral(segment) !== part.value) return undefined;
      continue;
    }
    if (segment.length <= part.suffix.length || !segment.endsWith(part.suffix)) return undefined;
    params[part.name] = segment.slice(0, segment.length - part.suffix.length);
  }
  return params;
}
