// CLI commands: the annual tables and the report.
//   lots stats identified --from 2021 --to 2024 --by form [--region R] [--format csv|json|xlsx] [--publish] [--output FILE]
//   lots stats nsp|amp|permits|permit-applicants --from … --to … [same options]
//   lots stats eurostat --from … --to … [--format …]
//   lots stats report --year 2024 [--lang sv|en] [--format html|pdf] [--output FILE]
// CSV goes to standard output unless --output is given; XLSX and PDF need --output or a pipe.
import { Option, type Command } from 'commander';
import { systemActor } from '../../auth/actor.js';
import { POLICE_REGIONS, type PoliceRegion } from '../../../domain/codelists/police-regions.js';
import type { Lang } from '../../../domain/codelists/codelist.js';
import { STAT_DIMENSIONS, type StatDimension } from '../../../domain/statistics/dimensions.js';
import type { ProgrammeTable } from '../../../domain/statistics/programmes.js';
import type { StatTable } from '../../../domain/statistics/table.js';
import { getEurostatTables, getIdentifiedTable, getProgrammeTable } from '../../modules/statistics/statistics.service.js';
import { tablesToCsv, tablesToXlsx } from '../../modules/statistics/export-format.js';
import { reportFile } from '../../modules/statistics/report/report.service.js';
import { fail, withDatabase } from '../context.js';
import { writeOut, year } from './import-export.js';

type Format = 'csv' | 'json' | 'xlsx';
interface TableOptions {
  from: number;
  to: number;
  region?: PoliceRegion;
  publish?: boolean;
  format: Format;
  lang: Lang;
  output?: string;
}

const actor = () => systemActor('cli');

function tableCommand(cmd: Command): Command {
  return cmd
    .requiredOption('--from <year>', 'first year', year)
    .requiredOption('--to <year>', 'last year', year)
    .addOption(new Option('--region <region>', 'one police region (default: the whole country)').choices(POLICE_REGIONS.map((r) => r.code)))
    .option('--publish', 'apply disclosure control (hide cells of 1–2 and what would reveal them)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'xlsx']).default('csv'))
    .addOption(new Option('--lang <lang>', 'labels in XLSX').choices(['sv', 'en']).default('sv'))
    .option('-o, --output <file>', 'write to a file instead of standard output');
}

function emit(tables: StatTable[], o: TableOptions): void {
  if (o.format === 'xlsx' && !o.output && process.stdout.isTTY) throw new Error('XLSX is binary: give --output FILE or pipe the output');
  const body = o.format === 'csv' ? tablesToCsv(tables) : o.format === 'json' ? `${JSON.stringify(tables.length === 1 ? tables[0] : tables, null, 2)}\n` : tablesToXlsx(tables, o.lang);
  writeOut(o.output, body);
  if (o.output) console.log(`wrote ${o.output}`);
}

export function register(cli: Command): void {
  const stats = cli.command('stats').description('annual statistics tables and the annual report');

  tableCommand(stats.command('identified').description('persons identified, by one breakdown'))
    .addOption(new Option('--by <breakdown>', 'breakdown').choices([...STAT_DIMENSIONS]).makeOptionMandatory())
    .action((o: TableOptions & { by: StatDimension }) =>
      withDatabase(async ({ db }) => emit([await getIdentifiedTable(db, actor(), o.by, { from: o.from, to: o.to, region: o.region ?? null, publish: o.publish === true })], o)).catch(fail),
    );

  const programmes: [string, ProgrammeTable, string][] = [
    ['nsp', 'nsp', 'persons granted NSP support (Table 3)'],
    ['amp', 'amp', 'new persons admitted to ÅMP (Table 4)'],
    ['permits', 'permits', 'reflection-period and witness permits granted, incl. extensions (Table 5)'],
    ['permit-applicants', 'permit_applicants', 'reflection periods granted, by applicant (Table 6)'],
  ];
  for (const [name, table, description] of programmes) {
    tableCommand(stats.command(name).description(description)).action((o: TableOptions) =>
      withDatabase(async ({ db }) => emit([await getProgrammeTable(db, actor(), table, { from: o.from, to: o.to, region: o.region ?? null, publish: o.publish === true })], o)).catch(fail),
    );
  }

  tableCommand(stats.command('eurostat').description('Eurostat crim_thb-style tables (always disclosure-controlled, national)')).action((o: TableOptions) =>
    withDatabase(async ({ db }) => {
      if (o.region) throw new Error('Eurostat tables are national: leave out --region');
      emit(await getEurostatTables(db, actor(), o.from, o.to), o);
    }).catch(fail),
  );

  stats
    .command('report')
    .description('the annual statistics report (published tables) as HTML or PDF')
    .requiredOption('--year <year>', 'report year', year)
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']).default('sv'))
    .addOption(new Option('--format <format>', 'format').choices(['html', 'pdf']).default('html'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action((o: { year: number; lang: Lang; format: 'html' | 'pdf'; output?: string }) =>
      withDatabase(async ({ db }) => {
        if (o.format === 'pdf' && !o.output && process.stdout.isTTY) throw new Error('PDF is binary: give --output FILE or pipe the output');
        const file = await reportFile(db, actor(), o);
        writeOut(o.output, file.body);
        if (o.output) console.log(`wrote ${o.output}`);
      }).catch(fail),
    );
}
