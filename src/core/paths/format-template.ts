import { nameParams, type TemplateEdge } from './name-params.js';
import { escapeTemplateLiteral } from './parse-template.js';

/** A template string and the names of its parameters in path order. */
export interface FormattedTemplate {
  template: string;
  paramNames: string[];
}

/** Renders edges as `/users/{user}/posts/{post}`; no edges is the root `/`. */
export function formatTemplate(edges: readonly TemplateEdge[]): FormattedTemplate {
  const paramNames = nameParams(edges);
  let template = '';
  let param = 0;
  for (const edge of edges) {
    template +=
      edge.type === 'literal'
        ? `/${escapeTemplateLiteral(edge.value)}`
        : `/{${paramNames[param++] ?? 'param'}}${edge.suffix}`;
  }
  return { template: template === '' ? '/' : template, paramNames };
}
