import { parseTemplate, type TemplateSegment } from './parse-template.js';

/**
 * A user-pinned templating rule (`POST /admin/path-rules`). Every segment of `pattern` is
 * pinned at its position: a literal stays literal (never detected, never promoted), and a
 * `{name}` position is a parameter with that name, whatever it holds. `kind` says which one the
 * rule is about: a `literal` rule ends with a literal (`/users/me`), a `param` rule ends with a
 * parameter (`/repos/{owner}/{repo}`).
 */
export interface PathRule {
  pattern: string;
  kind: 'literal' | 'param';
}

/** Why a rule was refused; `index` is its position in the submitted list (-1: the list). */
export interface PathRuleError {
  index: number;
  message: string;
}

export type PathRuleValidation =
  { ok: true; patterns: TemplateSegment[][] } | { ok: false; errors: PathRuleError[] };

/** Rules accepted in one set. */
export const MAX_PATH_RULES = 200;

/**
 * Checks a whole rule set: each pattern parses, is not the root, matches its kind, has unique
 * names and no suffixes on parameters; two rules never name the same position differently.
 */
export function validatePathRules(rules: readonly PathRule[]): PathRuleValidation {
  const errors: PathRuleError[] = [];
  if (rules.length > MAX_PATH_RULES) {
    errors.push({ index: -1, message: `at most ${MAX_PATH_RULES} rules` });
  }
  const namesByPosition = new Map<string, string>();
  const patterns: TemplateSegment[][] = [];
  for (const [index, rule] of rules.slice(0, MAX_PATH_RULES).entries()) {
    const problem = checkRule(rule) ?? checkPositions(rule, namesByPosition);
    if (problem) errors.push({ index, message: problem });
    else patterns.push(parseTemplate(rule.pattern) ?? []);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, patterns };
}

function checkRule(rule: PathRule): string | undefined {
  if (rule.kind !== 'literal' && rule.kind !== 'param') return 'kind must be literal or param';
  const segments = typeof rule.pattern === 'string' ? parseTemplate(rule.pattern) : undefined;
  if (!segments || segments.length === 0) {
    return 'pattern must be a path template such as /users/me or /repos/{owner}/{repo}';
  }
  const last = segments[segments.length - 1];
  if (rule.kind === 'literal' && last?.type !== 'literal') {
    return 'a literal rule must end with a literal segment';
  }
  if (rule.kind === 'param' && last?.type !== 'param') {
    return 'a param rule must end with a {parameter} segment';
  }
  const names = new Set<string>();
  for (const segment of segments) {
    if (segment.type !== 'param') continue;
    if (segment.suffix !== '') return `parameter {${segment.name}} cannot have a suffix in a rule`;
    if (names.has(segment.name)) return `parameter name {${segment.name}} is used twice`;
    names.add(segment.name);
  }
  return undefined;
}

function checkPositions(rule: PathRule, namesByPosition: Map<string, string>): string | undefined {
  let position = '';
  for (const segment of parseTemplate(rule.pattern) ?? []) {
    if (segment.type === 'param') {
      const known = namesByPosition.get(position);
      if (known !== undefined && known !== segment.name) {
        return `{${segment.name}} conflicts with {${known}} at ${position || '/'}`;
      }
      namesByPosition.set(position, segment.name);
    }
    position += segment.type === 'param' ? '/{}' : `/${segment.value}`;
  }
  return undefined;
}
