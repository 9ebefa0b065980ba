#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError } from '../config/load-config.js';
import { readVersion } from '../app/read-version.js';
import { runStart } from './commands/start-command.js';
import { runResetToken } from './commands/reset-token-command.js';
import { runExport } from './commands/export-command.js';
import { addConfigFlags, flagValues } from './option-flags.js';

const program = new Command('adaptive-mock')
  .description(
    "Your API's digital twin: proxy a backend, learn its API from live traffic, serve realistic mocks.",
  )
  .version(readVersion());

addConfigFlags(
  program
    .command('start', { isDefault: true })
    .description('Start the proxy, the learning pipeline and the dashboard (the default command).'),
).action(async (opts: Record<string, unknown>) => runStart(flagValues(opts)));

addConfigFlags(
  program
    .command('reset-token')
    .description('Generate a new admin token, print it once, and store its hash.'),
).action(async (opts: Record<string, unknown>) => runResetToken(flagValues(opts)));

addConfigFlags(
  program
    .command('export')
    .description(
      'Export the learned API as types or OpenAPI, read straight from the store (no server needed).',
    )
    .requiredOption('--format <format>', 'typescript, pydantic, jsonschema, zod or openapi')
    .option('--out <file>', 'write to this file instead of stdout'),
).action(async (opts: Record<string, unknown>) =>
  runExport(flagValues(opts), {
    format: String(opts.format),
    ...(typeof opts.out === 'string' ? { out: opts.out } : {}),
  }),
);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n\nRun adaptive-mock --help for every option.\n`);
  } else {
    process.stderr.write(`adaptive-mock: ${(error as Error).message ?? String(error)}\n`);
  }
  process.exit(2);
});
