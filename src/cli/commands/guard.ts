import type { Command } from 'commander';

export function registerGuardCommands(program: Command): void {
  void program;
}
