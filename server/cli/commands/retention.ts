// CLI: `lots retention rules` shows the retention rules in force; `lots retention run
// [--dry-run]` lists what the rules make due (case refs, counts per rule) and, without
// --dry-run, erases it: personal data and free texts go, the anonymous statistical facts stay.
import type { Command } from 'commander';
import { systemActor } from '../../auth/actor.js';
import { isIsoDate } from '../../../domain/age.js';
import { swedishToday } from '../../jobs/clock.js';
import { loadRetentionConfig, cutoffDate } from '../../modules/retention/retention.config.js';
import { runRetention, type RetentionReport } from '../../modules/retention/retention.service.js';
import { fail, progress, withDatabase } from '../context.js';

function print(report: RetentionReport): void {
  const verb = report.dryRun ? 'would be erased' : 'erased';
  console.log(`retention ${report.dryRun ? 'dry run' : 'run'} for ${report.today} (rules: ${report.source})`);
  for (const r of report.rules) {
    console.log(`  rule ${r.id} (${r.applies} + ${r.years} year${r.years === 1 ? '' : 's'}, anchor on or before ${r.cutoff}): ${r.count} case${r.count === 1 ? '' : 's'} ${verb}`);
    for (const ref of r.refs) console.log(`    ${ref}`);
  }
  const total = report.rules.reduce((n, r) => n + r.count, 0);
  if (report.dryRun) console.log(`total: ${total} case${total === 1 ? '' : 's'} would be erased; nothing was changed`);
  else console.log(`total: ${report.casesErased} cases erased, ${report.personsErased} persons' identities erased, ${report.groupsErased} group notes erased`);
}

export function register(cli: Command): void {
  const retention = cli.command('retention').description('retention rules and erasure of personal data (gallring)');
  retention
    .command('rules')
    .description('show the retention rules in force (config/retention.json, LOTS_RETENTION_CONFIG, LOTS_RETENTION_YEARS_<ID>)')
    .action(() => {
      try {
        const config = loadRetentionConfig();
        const today = swedishToday();
        console.log(`retention rules from ${config.source}:`);
        for (const r of config.rules) console.log(`  ${r.id}: ${r.applies} + ${r.years} years (due today: anchor on or before ${cutoffDate(today, r.years)}) — ${r.description}`);
      } catch (e) {
        fail(e);
      }
    });
  retention
    .command('run')
    .description('erase the personal data of the cases the rules make due (list them only with --dry-run)')
    .option('--dry-run', 'list what would be erased, change nothing')
    .option('--today <date>', 'plan as if today were this date (YYYY-MM-DD); a later date only with --dry-run')
    .action(async (o: { dryRun?: boolean; today?: string }) => {
      const today = o.today ?? swedishToday();
      if (!isIsoDate(today)) fail(new Error(`--today must be a date written YYYY-MM-DD, got "${today}"`));
      if (today > swedishToday() && !o.dryRun) fail(new Error('--today later than today is allowed only with --dry-run: erasure never runs ahead of time'));
      let config: ReturnType<typeof loadRetentionConfig>;
      try {
        config = loadRetentionConfig();
      } catch (e) {
        fail(e);
      }
      await withDatabase(async ({ db }) => {
        const bar = progress('Erasing');
        const report = await runRetention(db, systemActor('retention'), { config, today, dryRun: o.dryRun === true, onProgress: (d, t) => bar.update(d, t) });
        bar.done();
        print(report);
      }).catch(fail);
    });
}
