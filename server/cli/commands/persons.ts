// CLI commands: persons. `lots persons dedupe` runs the duplicate search over all persons now
// (the review queue); `lots persons match --input a.csv --output pairs.csv [--pprl]` finds the
// likely duplicate pairs within a CSV file; `lots persons pprl-secret` prints a new secret for
// LOTS_PPRL_SECRET; `lots persons pprl-encode` turns a CSV into the encodings a partner sends to
// POST /api/v1/persons/pprl/match. Progress goes to stderr on a terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseBatchInput } from '../../../domain/matching/batch-io.js';
import { todayFrom } from '../../../domain/matching/birth-date.js';
import { createClkEncoder } from '../../../domain/matching/bloom.js';
import { formatCsv } from '../../../domain/matching/csv.js';
import type { CsvProblem } from '../../../domain/matching/csv.js';
import { matchCsv } from '../../modules/persons/batch-match.service.js';
import { runDedupe } from '../../modules/persons/dedupe.service.js';
import { encodeClk } from '../../modules/persons/pprl.service.js';
import { newPprlSecret, nodeHmac, pprlSecret } from '../../modules/persons/pprl-secret.js';
import { fail, progress, withDatabase } from '../context.js';

/** One progress bar per stage, closed when the next stage starts. */
function stagedProgress() {
  let current: { stage: string; bar: ReturnType<typeof progress> } | null = null;
  return {
    update(stage: string, done: number, total: number) {
      if (current?.stage !== stage) {
        current?.bar.done();
        current = { stage, bar: progress(stage.padEnd(8)) };
      }
      current.bar.update(done, total);
    },
    done() {
      current?.bar.done();
      current = null;
    },
  };
}

function reportProblems(kind: string, problems: readonly CsvProblem[]): void {
  for (const p of problems) process.stderr.write(`${kind}: line ${p.line}: ${p.message}\n`);
}

/** The configured secret, else (for a file matched against itself) a random one for this run. */
function batchSecret(): Uint8Array {
  const configured = pprlSecret();
  if (configured !== null) return configured;
  process.stderr.write('LOTS_PPRL_SECRET is not set: encoding with a random secret for this run only\n');
  return new Uint8Array(Buffer.from(newPprlSecret(), 'base64'));
}

export function register(cli: Command): void {
  const persons = cli.command('persons').description('finding the same person across agencies');

  persons
    .command('dedupe')
    .description('score all persons now and queue likely duplicate pairs (probability ≥ 0.80) for review; idempotent')
    .action(() =>
      withDatabase(async ({ db }) => {
        const bar = stagedProgress();
        const r = await runDedupe(db, (p) => bar.update(p.stage, p.done, p.total));
        bar.done();
        console.log(
          `${r.persons} persons, ${r.comparedPairs} pairs compared (${r.model} model), ${r.pairs} at or above the review band: ` +
            `${r.inserted} new, ${r.updated} refreshed, ${r.alreadyDecided} already decided, ${r.withdrawn} withdrawn (no longer corroborated); ${r.seconds} s`,
        );
      }).catch(fail),
    );

  persons
    .command('match')
    .description('find likely duplicate pairs within a CSV (columns record_id, given_names, family_names, birth_date, birth_year, sex, citizenship)')
    .requiredOption('--input <file>', 'CSV of persons')
    .requiredOption('--output <file>', 'CSV of pairs to write (record_id_a, record_id_b, score, band)')
    .option('--pprl', 'encode both sides as keyed Bloom filters (LOTS_PPRL_SECRET) and score by Dice')
    .action(async (o: { input: string; output: string; pprl?: boolean }) => {
      try {
        const text = readFileSync(o.input, 'utf8');
        const bar = stagedProgress();
        const report = matchCsv(text, { pprl: o.pprl ? { secret: batchSecret() } : undefined, onProgress: (s, d, t) => bar.update(s, d, t) });
        bar.done();
        reportProblems('skipped', report.errors);
        reportProblems('warning', report.warnings);
        writeFileSync(o.output, report.output);
        console.log(
          `${report.records} records read (${report.errors.length} skipped), ${report.candidatePairs} pairs compared by ${report.method}, ` +
            `${report.pairs} likely pairs written to ${o.output}`,
        );
      } catch (err) {
        fail(err);
      }
    });

  persons
    .command('pprl-secret')
    .description('print a new random secret for LOTS_PPRL_SECRET (base64, 32 bytes)')
    .action(() => console.log(newPprlSecret()));

  persons
    .command('pprl-encode')
    .description('encode a CSV of persons as keyed Bloom filters (record_id, clk) for POST /api/v1/persons/pprl/match')
    .requiredOption('--input <file>', 'CSV of persons (the columns of `persons match`)')
    .requiredOption('--output <file>', 'CSV to write: record_id, clk (1024 bits in base64)')
    .action((o: { input: string; output: string }) => {
      try {
        const secret = pprlSecret();
        if (secret === null) throw new Error('LOTS_PPRL_SECRET is not set: encodings must use the secret shared with the server');
        const { records, errors, warnings } = parseBatchInput(readFileSync(o.input, 'utf8'));
        reportProblems('skipped', errors);
        reportProblems('warning', warnings);
        const encoder = createClkEncoder(nodeHmac, secret, { today: todayFrom(new Date()) });
        writeFileSync(o.output, formatCsv([['record_id', 'clk'], ...records.map((r) => [r.id, encodeClk(encoder.encode(r))])]));
        console.log(`${records.length} records encoded to ${o.output} (${errors.length} skipped)`);
      } catch (err) {
        fail(err);
      }
    });
}
