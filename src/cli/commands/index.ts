import type { Command } from 'commander';
import { registerCatalogCommands } from './catalog.js';
import { registerScanCommands } from './scan.js';
import { registerAssessCommands } from './assess.js';
import { registerModelcardCommands } from './modelcard.js';
import { registerGuardCommands } from './guard.js';

/** Each module adds its subcommands to the root program. */
export const commandModules: ReadonlyArray<(program: Command) => void> = [
  registerCatalogCommands,
  registerScanCommands,
  registerAssessCommands,
  registerModelcardCommands,
  registerGuardCommands,
];
