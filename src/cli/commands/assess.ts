import type { Command } from 'commander';

export function registerAssessCommands(program: Command): void {
  void program;
}
