import { OPTIONS, type OptionSpec } from './config-schema.js';

/** Renders docs/configuration.md from the option schema (a test keeps the two in sync). */
export function renderConfigDocs(): string {
  const groups = new Map<string, OptionSpec[]>();
  for (const spec of OPTIONS as readonly OptionSpec[]) {
    groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  }
  const lines = [
    '# Configuration reference',
    '',
    '<!-- Generated from src/config/config-schema.ts by `npm run build && npm run docs:config`; a test fails when this file is stale. -->',
    '',
    'Every option can be set with an environment variable or a flag of `adaptive-mock start`;',
    'a flag wins over the environment, which wins over the default. Values set at runtime through the',
    'admin API (target, mode, learning) are stored and restored at the next start unless given here.',
    '',
  ];
  for (const [group, specs] of groups) {
    lines.push(
      `## ${group}`,
      '',
      '| Flag | Environment | Default | Description |',
      '|---|---|---|---|',
    );
    for (const spec of specs) {
      const flag = spec.flag ? `\`--${spec.flag}\`` : '—';
      const def =
        spec.default === undefined
          ? '—'
          : Array.isArray(spec.default)
            ? spec.default.length === 0
              ? '(empty)'
              : `\`${spec.default.join(',')}\``
            : `\`${String(spec.default)}\``;
      const values = spec.values
        ? ` One of: ${spec.values.map((v) => `\`${v}\``).join(', ')}.`
        : '';
      lines.push(`| ${flag} | \`${spec.env}\` | ${def} | ${spec.doc}${values} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
