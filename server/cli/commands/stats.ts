// CLI commands: stats (filled in by its owner).
import type { Command } from 'commander';

export function register(_cli: Command): void {}
