import type { Command } from 'commander';

export function registerModelcardCommands(program: Command): void {
  void program;
}
