import type { Command } from 'commander';

/** `aigis controls ...` and `aigis frameworks ...` (issue: foundation). */
export function registerCatalogCommands(program: Command): void {
  void program;
}
