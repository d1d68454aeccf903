import type { Command } from 'commander';
import { registerCatalogCommands } from './catalog.js';

/** Each module adds its subcommands to the root program. */
export const commandModules: ReadonlyArray<(program: Command) => void> = [registerCatalogCommands];
