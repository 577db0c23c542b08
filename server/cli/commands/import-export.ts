// CLI commands: `lots import cases FILE.csv [--dry-run]`, `lots import series FILE.csv [--dry-run]`,
// `lots export cases [--region R] [--output FILE]`, `lots export htcds --from Y --to Y [--output FILE]`.
// The CLI acts as the system (audited as such). Imports are all or nothing: every invalid row is
// printed with its line, column and the allowed values, and the exit code is 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { systemActor } from '../../auth/actor.js';
import { POLICE_REGIONS, type PoliceRegion } from '../../../domain/codelists/police-regions.js';
import { importCases } from '../../modules/statistics/case-import.service.js';
import { exportCasesCsv, exportHtcds } from '../../modules/statistics/case-export.service.js';
import { importSeries } from '../../modules/statistics/series.service.js';
import { fail, progress, withDatabase } from '../context.js';

const actor = () => systemActor('cli');
const regionOption = () => new Option('--region <region>', 'police region').choices(POLICE_REGIONS.map((r) => r.code));

interface RowProblem {
  line: number;
  column: string | null;
  message: string;
  allowed?: string[];
}

function printProblems(errors: readonly RowProblem[], total: number): void {
  for (const e of errors) {
    const allowed = e.allowed && !e.message.includes(e.allowed.join(', ')) ? ` (allowed: ${e.allowed.join(', ')})` : '';
    process.stderr.write(`line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}${allowed}\n`);
  }
  if (total > errors.length) process.stderr.write(`… and ${total - errors.length} more problems\n`);
  process.stderr.write(`nothing was imported (${total} problem${total === 1 ? '' : 's'})\n`);
  process.exitCode = 1;
}

export function year(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new Error(`"${v}" is not a four-digit year`);
  return Number(v);
}

export function writeOut(output: string | undefined, body: string | Buffer): void {
  if (output) return writeFileSync(output, body);
  // A reader that stops early (`| head`) closes the pipe: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  process.stdout.write(body);
}

export function register(cli: Command): void {
  const imp = cli.command('import').description('import data files');
  imp
    .command('cases')
    .description('import case records in the case interchange CSV (docs/statistics.md); all rows or none')
    .argument('<file>', 'UTF-8 CSV file')
    .option('--dry-run', 'validate only; import nothing')
    .action((file: string, o: { dryRun?: boolean }) =>
      withDatabase(async ({ db }) => {
        const bar = progress(o.dryRun ? 'Validating' : 'Importing');
        const report = await importCases(db, actor(), { source: readFileSync(file), dryRun: o.dryRun === true, onProgress: (d, t) => bar.update(d, t) });
        bar.done();
        if (!report.ok) return printProblems(report.errors, report.errorCount);
        const verb = report.dryRun ? 'would import' : 'imported';
        console.log(`${verb} ${report.rows} rows: ${report.created} new cases, ${report.updated} updated, ${report.unchanged} unchanged; ${report.personsCreated} new persons, ${report.personsUpdated} updated`);
      }).catch(fail),
    );
  imp
    .command('series')
    .description('import external series (Brå, Migration Agency, municipal surveys): series,measure,breakdown,year,value,unit,source,note')
    .argument('<file>', 'UTF-8 CSV file')
    .option('--dry-run', 'validate only; import nothing')
    .action((file: string, o: { dryRun?: boolean }) =>
      withDatabase(async ({ db }) => {
        const report = await importSeries(db, actor(), { source: readFileSync(file), dryRun: o.dryRun === true });
        if (!report.ok) return printProblems(report.errors, report.errorCount);
        for (const s of report.series) console.log(`${report.dryRun ? 'would import' : 'imported'} ${s.series} version ${s.version} (${s.values} values)`);
      }).catch(fail),
    );

  const exp = cli.command('export').description('export data files');
  exp
    .command('cases')
    .description('export cases in the case interchange CSV (persons with protected identity are left out)')
    .addOption(regionOption())
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action((o: { region?: PoliceRegion; output?: string }) =>
      withDatabase(async ({ db }) => {
        const { csv, count } = await exportCasesCsv(db, actor(), { region: o.region ?? null });
        writeOut(o.output, csv);
        if (o.output) console.log(`exported ${count} cases to ${o.output}`);
      }).catch(fail),
    );
  exp
    .command('htcds')
    .description('export cases referred in the years as HTCDS v2.0 rows (no direct identifiers)')
    .requiredOption('--from <year>', 'first year', year)
    .requiredOption('--to <year>', 'last year', year)
    .addOption(regionOption())
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action((o: { from: number; to: number; region?: PoliceRegion; output?: string }) =>
      withDatabase(async ({ db }) => {
        const { csv, count } = await exportHtcds(db, actor(), { from: o.from, to: o.to, region: o.region ?? null });
        writeOut(o.output, csv);
        if (o.output) console.log(`exported ${count} cases to ${o.output}`);
      }).catch(fail),
    );
}
