// CLI commands: background jobs run by hand. `lots tasks generate [--today YYYY-MM-DD]` runs the
// daily task generator now (the server runs it by itself once a day).
import type { Command } from 'commander';
import { isIsoDate } from '../../../domain/age.js';
import { swedishToday } from '../../jobs/clock.js';
import { generateTasks } from '../../modules/tasks/task.generator.js';
import { fail, withDatabase } from '../context.js';

export function register(cli: Command): void {
  const tasks = cli.command('tasks').description('deadline tasks');
  tasks
    .command('generate')
    .description('create the tasks due today and close those whose cause is gone (idempotent)')
    .option('--today <date>', 'run as if today were this date (YYYY-MM-DD)')
    .action((o: { today?: string }) =>
      withDatabase(async ({ db }) => {
        if (o.today !== undefined && !isIsoDate(o.today)) throw new Error(`--today must be a date written YYYY-MM-DD, got "${o.today}"`);
        const r = await generateTasks(db, o.today ?? swedishToday());
        console.log(`tasks for ${r.today}: ${r.created} created, ${r.closed} closed automatically, ${r.reassigned} moved to the assigned coordinator`);
      }).catch(fail),
    );
}
