#!/usr/bin/env node
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { InputError } from '../util/errors.js';

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every usage mistake exits 2 as documented, including a command group
      // called without a subcommand (commander shows help for it as an error: 'commander.help').
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`aigis: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(
      `aigis: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 3;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
