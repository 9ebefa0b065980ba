import { formatTemplate } from './format-template.js';
import type { TemplateEdge } from './name-params.js';
import { checkDepth, forEachChild, type PathNode } from './path-node.js';

/**
 * Recomputes the template and parameter names of every endpoint at or below `node`, whose
 * path from the root is `prefix`. Needed after anything that changes edges or pinned names.
 */
export function refreshTemplates(node: PathNode, prefix: TemplateEdge[], depth: number): void {
  checkDepth(depth);
  if (node.methods.size > 0) {
    const formatted = formatTemplate(prefix);
    node.template = formatted.template;
    node.paramNames = formatted.paramNames;
  }
  forEachChild(node, (edge, child) => {
    prefix.push(edge);
    refreshTemplates(child, prefix, depth + 1);
    prefix.pop();
  });
}
