#!/usr/bin/env node
// The `lots` command: `npm run lots -- <command>`. Every command has --help.
import { Command, Option } from 'commander';
import { systemActor } from '../auth/actor.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { createOrganisation, listOrganisations } from '../modules/organisations/organisation.service.js';
import { addToken, createUser, listUsers, setPassword } from '../modules/users/user.service.js';
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo } from '../seed/demo.js';
import { ORGANISATION_KINDS } from '../../domain/codelists/organisation-kinds.js';
import { POLICE_REGIONS } from '../../domain/codelists/police-regions.js';
import { ROLES, type Role } from '../../domain/codelists/roles.js';
import { fail, progress, readStdin, withDatabase } from './context.js';
import { serve } from './serve.js';
import { register as registerImportExport } from './commands/import-export.js';
import { register as registerStats } from './commands/stats.js';
import { register as registerPersons } from './commands/persons.js';
import { register as registerJobs } from './commands/jobs.js';
import { register as registerRetention } from './commands/retention.js';
import { register as registerBackup } from './commands/backup.js';
import { register as registerKeys } from './commands/keys.js';
import { register as registerSignIn } from './commands/sign-in.js';

const cli = new Command('lots').description('Lots: the national referral mechanism against trafficking and exploitation').showHelpAfterError();
const actor = systemActor('cli');

cli
  .command('serve')
  .description('start the web server (migrates first)')
  .option('--demo', 'seed demo organisations, users and cases when the embedded database is empty')
  .option('-p, --port <port>', 'port to listen on (default $PORT or 3000)')
  .action((opts: { demo?: boolean; port?: string }) => serve(opts).catch(fail));

cli
  .command('migrate')
  .description('apply database migrations')
  .action(() =>
    withDatabase(
      async ({ db }) => {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
      },
      { migrate: false, dataKeys: 'none' },
    ).catch(fail),
  );

const orgs = cli.command('orgs').description('organisations');
orgs
  .command('list')
  .description('list organisations')
  .action(() =>
    withDatabase(async ({ db }) => {
      for (const o of await listOrganisations(db, actor)) console.log([o.id, o.kind, o.region ?? '-', o.name].join('\t'));
    }).catch(fail),
  );
orgs
  .command('add')
  .description('add an organisation')
  .requiredOption('--name <name>', 'organisation name')
  .addOption(new Option('--kind <kind>', 'kind of organisation').choices(ORGANISATION_KINDS.map((k) => k.code)).makeOptionMandatory())
  .addOption(new Option('--region <region>', 'police region').choices(POLICE_REGIONS.map((r) => r.code)))
  .option('--municipality <code>', 'four-digit municipality code')
  .action((o: { name: string; kind: (typeof ORGANISATION_KINDS)[number]['code']; region?: (typeof POLICE_REGIONS)[number]['code']; municipality?: string }) =>
    withDatabase(async ({ db }) => {
      const created = await createOrganisation(db, actor, { name: o.name, kind: o.kind, region: o.region ?? null, municipalityCode: o.municipality ?? null });
      console.log(`created organisation ${created.id} (${created.name})`);
    }).catch(fail),
  );

const users = cli.command('users').description('user accounts');
users
  .command('list')
  .description('list users')
  .action(() =>
    withDatabase(async ({ db }) => {
      for (const u of await listUsers(db, actor)) console.log([u.username, u.roles.join(','), u.organisation.name, u.active ? 'active' : 'inactive'].join('\t'));
    }).catch(fail),
  );
users
  .command('add')
  .description('add a user')
  .requiredOption('--username <username>', 'sign-in name')
  .requiredOption('--name <displayName>', 'display name')
  .requiredOption('--org <organisationId>', 'organisation id (see `orgs list`)')
  .requiredOption('--roles <roles>', `comma-separated roles: ${ROLES.map((r) => r.code).join(', ')}`)
  .option('--email <email>', 'e-mail address')
  .option('--password-stdin', 'read the password from standard input')
  .action((o: { username: string; name: string; org: string; roles: string; email?: string; passwordStdin?: boolean }) =>
    withDatabase(async ({ db }) => {
      const password = o.passwordStdin ? await readStdin() : undefined;
      const roles = o.roles.split(',').map((r) => r.trim()) as Role[];
      const unknown = roles.filter((r) => !ROLES.some((x) => x.code === r));
      if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')}; allowed: ${ROLES.map((r) => r.code).join(', ')}`);
      if (!/^[0-9a-f-]{36}$/i.test(o.org)) throw new Error('--org must be an organisation id (see `lots orgs list`)');
      const created = await createUser(db, actor, { username: o.username, displayName: o.name, organisationId: o.org, roles, email: o.email ?? null, password });
      console.log(`created user ${created.username} (${created.roles.join(', ')})`);
    }).catch(fail),
  );
users
  .command('set-password')
  .description('set a user password (read from standard input)')
  .argument('<username>')
  .action((username: string) =>
    withDatabase(async ({ db }) => {
      await setPassword(db, actor, username, await readStdin());
      console.log(`password set for ${username}; their sessions were ended`);
    }).catch(fail),
  );
users
  .command('add-token')
  .description('create an API token for a system integration (printed once)')
  .argument('<username>')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--days <days>', 'expires after this many days')
  .action((username: string, o: { name: string; days?: string }) =>
    withDatabase(async ({ db }) => {
      const days = o.days ? Number(o.days) : undefined;
      if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new Error('--days must be a positive integer');
      const t = await addToken(db, actor, username, o.name, days);
      console.log(t.token);
      process.stderr.write('Store this token now: it is not shown again.\n');
    }).catch(fail),
  );

cli
  .command('seed-demo')
  .description('create demo organisations, users and synthetic cases in an empty database')
  .option('--cases <n>', 'number of synthetic cases', '36')
  .option('--force', 'allow seeding when DATABASE_URL points at a PostgreSQL server')
  .action((o: { cases: string; force?: boolean }) =>
    withDatabase(async ({ db }, config) => {
      if (config.databaseUrl && !o.force) throw new Error('DATABASE_URL is set: refusing to seed demo data into a real database without --force');
      if (!(await isDatabaseEmpty(db))) throw new Error('the database already has organisations; demo data goes only into an empty database');
      const bar = progress('Seeding demo data');
      await seedDemo(db, { cases: Number(o.cases), onProgress: (d, t) => bar.update(d, t) });
      bar.done();
      console.log(`demo data created; password for all demo users: ${DEMO_PASSWORD}`);
      for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(24)} ${u.description}`);
    }).catch(fail),
  );

const audit = cli.command('audit').description('the audit trail');
audit
  .command('verify')
  .description('check the hash chain of the audit trail and report the first broken link')
  .action(() =>
    withDatabase(async ({ db }) => {
      const bar = progress('Verifying');
      const result = await verifyAuditChain(db, (d, t) => bar.update(d, t));
      bar.done();
      if (result.ok) {
        console.log(`audit trail intact: ${result.checked} events checked`);
      } else {
        console.log(`audit trail BROKEN at event #${result.brokenAtSeq} (${result.eventId}): ${result.reason === 'link_broken' ? 'the link to the previous event is broken (an event was removed or reordered)' : 'the event was altered after it was written'}; ${result.checked} events before it are intact`);
        process.exitCode = 2;
      }
    }).catch(fail),
  );

registerImportExport(cli);
registerStats(cli);
registerPersons(cli);
registerJobs(cli);
registerRetention(cli);
registerBackup(cli);
registerKeys(cli);
registerSignIn(cli);

await cli.parseAsync(process.argv);
