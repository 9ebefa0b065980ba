import { Option, type Command } from 'commander';
import { OPTIONS, type OptionSpec } from '../config/config-schema.js';

/** Adds one flag per config option that has one; values stay strings until loadConfig. */
export function addConfigFlags(command: Command): Command {
  for (const spec of OPTIONS as readonly OptionSpec[]) {
    if (!spec.flag) continue;
    const def = spec.default === undefined ? '' : ` (default: ${JSON.stringify(spec.default)})`;
    const help = `${spec.doc} [env ${spec.env}]${def}`;
    if (spec.kind === 'boolean') {
      command.addOption(new Option(`--${spec.flag} [bool]`, help));
      command.addOption(new Option(`--no-${spec.flag}`, `Turn off --${spec.flag}`).hideHelp());
    } else {
      const option = new Option(`--${spec.flag} <value>`, help);
      if (spec.values) option.choices(spec.values);
      command.addOption(option);
    }
  }
  return command;
}

/** Maps commander's camel-cased option values back to config keys. */
export function flagValues(
  opts: Record<string, unknown>,
): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  for (const spec of OPTIONS as readonly OptionSpec[]) {
    if (!spec.flag) continue;
    const camel = spec.flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const value = opts[camel];
    if (typeof value === 'boolean' || typeof value === 'string') out[spec.key] = value;
  }
  return out;
}
