import type { Command } from 'commander';

export function registerScanCommands(program: Command): void {
  void program;
}
