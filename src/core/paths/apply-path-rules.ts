import type { TemplateSegment } from './parse-template.js';
import {
  checkDepth,
  createPathNode,
  foldIntoParam,
  forEachChild,
  type PathNode,
} from './path-node.js';

/**
 * Replaces every pin in the trie with the pins of `patterns` (validated rules), then folds what
 * pinned parameters now stand for. Learned data is never split: a pinned literal under an
 * existing parameter starts empty, and removed rules leave their parameters in place, unpinned.
 */
export function applyPathRules(root: PathNode, patterns: readonly TemplateSegment[][]): void {
  clearPins(root, 0);
  for (const pattern of patterns) {
    let node = root;
    for (const segment of pattern) {
      if (segment.type === 'literal') {
        node.pinned.add(segment.value);
        let child = node.literals.get(segment.value);
        if (!child) {
          child = createPathNode();
          node.literals.set(segment.value, child);
        }
        node = child;
      } else {
        node.paramPin = segment.name;
        node.param ??= createPathNode();
        node = node.param;
      }
    }
  }
  foldPinned(root, 0);
}

function clearPins(node: PathNode, depth: number): void {
  checkDepth(depth);
  node.pinned.clear();
  node.paramPin = undefined;
  forEachChild(node, (_edge, child) => clearPins(child, depth + 1));
}

/** Folds under pinned parameters, top-down, and drops nodes left without any purpose. */
function foldPinned(node: PathNode, depth: number): void {
  checkDepth(depth);
  if (node.paramPin !== undefined) foldIntoParam(node, depth);
  forEachChild(node, (_edge, child) => foldPinned(child, depth + 1));
  for (const [key, child] of node.literals) {
    if (!node.pinned.has(key) && isEmpty(child)) node.literals.delete(key);
  }
  for (const [key, child] of node.detected) if (isEmpty(child)) node.detected.delete(key);
  if (node.param && node.paramPin === undefined && isEmpty(node.param)) node.param = undefined;
}

// Pinned nodes of removed rules would otherwise pile up over many rule changes.
function isEmpty(node: PathNode): boolean {
  return (
    node.methods.size === 0 &&
    node.literals.size === 0 &&
    node.detected.size === 0 &&
    node.param === undefined &&
    node.pinned.size === 0 &&
    node.paramPin === undefined
  );
}
