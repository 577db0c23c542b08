// Load benchmark: many concurrent signed-in sessions mixing case lists, case reads, writes
// (new referrals, added information) and statistics against a database of 100,000 cases, on the
// real `lots serve` process; then the same mix against a bare Fastify server running the same
// SQL (bench/load/baseline-server.ts). Two phases against each:
//   users       every session is a user who sends a request, reads the answer and pauses a
//               random time (exponential, mean --pause ms, default 1000) before the next: the
//               latency people would see, p50 and p99;
//   saturation  every session sends its next request the moment the answer arrives (autocannon):
//               the most the server can answer per second, against the baseline's most.
// Prints p50, p99, throughput and errors per phase, kind and server, the ratios, and the targets:
// zero errors, p99 < 200 ms with the users, saturated throughput ≥ 0.5× the baseline's.
// A benchmark, not a test: it asserts nothing and exits 0 unless it cannot run.
//
//   npm run bench:load                                   PostgreSQL, 200 sessions, 60 s, 100,000 cases
//   npm run bench:load -- --duration 15 --connections 50 --cases 20000    a quick run
//   npm run bench:load -- --pglite                       the embedded database instead
//   npm run bench:load -- --profile                      V8 CPU profiles of both servers, beside their logs
//   npm run bench:load -- --keep                         keep the database afterwards (to EXPLAIN its queries)
//   npm run bench:load -- --reuse NAME                   measure again on a kept PostgreSQL database (no setup)
//   npm run bench:load -- --pause 500                    users who pause 0.5 s on average instead of 1 s
//
// PostgreSQL: BENCH_DATABASE_URL (an admin URL; default postgres://postgres@127.0.0.1:5432/postgres)
// gets a throwaway database, dropped at the end. Rate limits are raised for the Lots process
// (LOTS_RATE_LIMIT, LOTS_LOGIN_RATE_LIMIT) so they do not shape the figures; two-factor sign-in
// is off (LOTS_MFA=off) so sessions are made by password sign-in alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed/demo.js';
import { freePort } from '../../server/proof/faults-cluster.js';
import { byKind, MIX, referral, ROLES, type RequestKind } from './mix.js';
import { multiplyCases, visibleIds, type VisibleIds } from './data.js';
import { sql } from 'kysely';
import pg from 'pg';
import { parseKeyring, useKeyring } from '../../server/crypto/keyring.js';
import { prng } from '../../domain/statistics/synthetic-records.js';
import { createScratchDatabase } from '../../server/db/scratch-database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
  return n;
};
const usePglite = flag('pglite');
const duration = num('duration', 60);
const connections = num('connections', 200);
const cases = num('cases', 100_000);
const warmup = num('warmup', Math.min(10, Math.max(3, Math.round(duration / 6))));
// Users: each session pauses a random time (exponential, this mean) after every answer.
const pauseMs = num('pause', 1000);
const logLevel = args.includes('--log-level') ? args[args.indexOf('--log-level') + 1]! : 'info';
const reuse = args.includes('--reuse') ? args[args.indexOf('--reuse') + 1]! : null;
if (reuse !== null && (usePglite || !/^lots_load_[0-9a-f]+$/.test(reuse))) throw new Error('--reuse needs the name of a kept PostgreSQL database (lots_load_…)');

const RATE_ENV = { LOTS_RATE_LIMIT: '100000000', LOTS_LOGIN_RATE_LIMIT: '1000000' };
// A kept database keeps its data key beside it in the temporary directory, for --reuse.
const keyFile = (name: string) => join(tmpdir(), `${name}.datakeys`);
const DATA_KEYS = reuse ? readFileSync(keyFile(reuse), 'utf8').trim() : `bench01:${randomBytes(32).toString('base64')}`;
const work = mkdtempSync(join(tmpdir(), 'lots-load-'));
const logs = mkdtempSync(join(tmpdir(), 'lots-load-logs-'));
const say = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------- the database
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
  describe: string;
  name?: string;
}

async function makeTarget(): Promise<Target> {
  if (usePglite) {
    const dataDir = join(work, 'data');
    return { env: { LOTS_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: `${dataDir}/pglite` }), drop: async () => {}, describe: `PGlite (${dataDir})` };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (reuse) {
    const url = new URL(adminUrl);
    url.pathname = `/${reuse}`;
    return { env: { DATABASE_URL: url.toString() }, open: () => openDatabase({ url: url.toString(), poolSize: 4 }), drop: async () => {}, describe: `PostgreSQL (kept database ${reuse} on ${url.host})`, name: reuse };
  }
  const scratch = await createScratchDatabase(adminUrl, 'lots_load');
  return {
    env: { DATABASE_URL: scratch.url },
    open: () => openDatabase({ url: scratch.url, poolSize: 4 }),
    drop: scratch.drop,
    describe: `PostgreSQL (throwaway database ${scratch.name} on ${new URL(scratch.url).host})`,
    name: scratch.name,
  };
}

// ---------------------------------------------------------------- the servers
interface Server {
  base: string;
  stop(): Promise<void>;
  child: ChildProcess;
  /** Has the server's output matched this yet? */
  said(re: RegExp): boolean;
  startedAt: number;
}

async function startServer(kind: 'lots' | 'baseline', env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const startedAt = Date.now();
  const script = kind === 'lots' ? ['server/cli/main.ts', 'serve', '--port', String(port)] : ['bench/load/baseline-server.ts'];
  const log = createWriteStream(join(logs, `${kind}.log`), { flags: 'a' });
  // --profile: a V8 CPU profile of each server, written beside its log when it stops.
  const profile = flag('profile') ? ['--cpu-prof', `--cpu-prof-dir=${join(logs, `${kind}-profiles`)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOTS_DATA_KEYS: DATA_KEYS, LOTS_MFA: 'off', LOTS_WEB_DIST: '/nonexistent', LOG_LEVEL: logLevel, ...RATE_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let seen = '';
  const keep = (d: Buffer) => (seen = (seen + d.toString('utf8')).slice(-65_536));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const marks: RegExp[] = [];
  const found = new Set<RegExp>();
  const said = (re: RegExp) => {
    if (!marks.includes(re)) marks.push(re);
    if (!found.has(re) && re.test(seen)) found.add(re);
    return found.has(re);
  };
  child.stdout!.on('data', () => marks.forEach(said));
  let exited = false;
  const done = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the ${kind} server ended while starting; see ${join(logs, `${kind}.log`)}`);
    const ok = await fetch(kind === 'lots' ? `${base}/readyz` : `${base}/b/statistics?from=1&to=1`, { headers: { 'x-bench-user': 'analytiker' } })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the ${kind} server did not start in 120 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    child,
    said,
    startedAt,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await done;
    },
  };
}

/**
 * `lots serve` runs the daily jobs (task generation, the duplicate search over all persons) at
 * start-up. The figures are for a server that has finished them: wait, and say how long they took
 * and how long /healthz took meanwhile (a blocked event loop shows there).
 */
async function waitForStartupJobs(s: Server): Promise<void> {
  const t0 = Date.now();
  let slowest = 0;
  const done = /duplicate search (done|failed)/;
  while (!s.said(done)) {
    if (logLevel !== 'info' && logLevel !== 'debug' && logLevel !== 'trace') return;
    if (Date.now() - t0 > 30 * 60_000) throw new Error('the start-up jobs did not finish in 30 minutes');
    const h = Date.now();
    await fetch(`${s.base}/healthz`).catch(() => null);
    slowest = Math.max(slowest, Date.now() - h);
    await new Promise((r) => setTimeout(r, 500));
  }
  say(`start-up jobs (daily tasks, duplicate search) done ${((Date.now() - s.startedAt) / 1000).toFixed(1)} s after the server was started; slowest /healthz meanwhile ${slowest} ms`);
}

// ---------------------------------------------------------------- sessions
interface Session {
  username: string;
  role: (typeof ROLES)[number];
  cookie: string;
  csrf: string;
  ids: string[];
}

async function signIn(base: string, username: string): Promise<{ cookie: string; csrf: string; orgId: string; region: string | null }> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { organisation: { id: string; region?: string | null } } };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken, orgId: body.user.organisation.id, region: body.user.organisation.region ?? null };
}

async function pool<T>(n: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, jobs.length) }, async () => {
      while (next < jobs.length) {
        const k = next++;
        out[k] = await jobs[k]!();
      }
    }),
  );
  return out;
}

/** The connections' users: shares of the roles, usernames in turn. */
function plannedUsers(): { username: string; role: (typeof ROLES)[number] }[] {
  const out: { username: string; role: (typeof ROLES)[number] }[] = [];
  for (const role of ROLES) {
    const n = Math.max(1, Math.round(connections * role.share));
    for (let i = 0; i < n; i++) out.push({ username: role.usernames[i % role.usernames.length]!, role });
  }
  return out.slice(0, Math.max(connections, ROLES.length));
}

async function makeSessions(base: string, ids: VisibleIds): Promise<Session[]> {
  const planned = plannedUsers();
  return pool(8, planned.map((p) => async () => {
    const s = await signIn(base, p.username);
    const visible = p.role.name === 'coordinator' ? ids.byRegion.get(s.region ?? '') : ids.byReferrer.get(s.orgId);
    return { username: p.username, role: p.role, cookie: s.cookie, csrf: s.csrf, ids: visible ?? [] };
  }));
}

// ---------------------------------------------------------------- one measured run
interface KindStats {
  durations: number[];
  statuses: Map<number, number>;
}

interface RunResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Map<number, number>;
  socketErrors: number;
  timeouts: number;
  byKind: Map<RequestKind, KindStats>;
  /** Processor time per answered request: the server process, and the database's backends. */
  cpu?: { serverMs: number; databaseMs: number };
}

// Processor time, which a shared machine's other work does not inflate the way it inflates
// latencies: utime + stime of a process from /proc (Linux), in milliseconds.
const TICK_MS = 10;
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** The database backends serving the benchmark's database (PostgreSQL), by pid. */
async function backendPids(): Promise<number[]> {
  if (usePglite || !target.name) return [];
  const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    const res = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [target.name]);
    return res.rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Starts counting processor time; the returned function ends it, per answered request. */
async function cpuMeter(serverPid: number | undefined): Promise<(requests: number) => Promise<{ serverMs: number; databaseMs: number } | undefined>> {
  if (!serverPid || cpuMs(serverPid) === null) return async () => undefined;
  const server0 = cpuMs(serverPid)!;
  const db0 = new Map((await backendPids()).map((pid) => [pid, cpuMs(pid) ?? 0]));
  return async (requests) => {
    const server1 = cpuMs(serverPid) ?? server0;
    let database = 0;
    for (const pid of new Set([...db0.keys(), ...(await backendPids())])) database += Math.max(0, (cpuMs(pid) ?? db0.get(pid) ?? 0) - (db0.get(pid) ?? 0));
    return { serverMs: (server1 - server0) / Math.max(1, requests), databaseMs: database / Math.max(1, requests) };
  };
}

/** A phase, with the processor time it cost. */
async function metered(run: () => Promise<RunResult>, s: Server): Promise<RunResult> {
  const stop = await cpuMeter(s.child.pid);
  const r = await run();
  return { ...r, cpu: await stop(r.requests) };
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function pickKind(weights: Partial<Record<RequestKind, number>>, r: number): RequestKind {
  const entries = Object.entries(weights) as [RequestKind, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return entries.at(-1)![0];
}

const EXPECTED: Record<RequestKind, number> = { list: 200, read: 200, create: 201, inform: 200, statistics: 200 };

async function saturate(label: string, target: 'lots' | 'baseline', base: string, sessions: Session[], seconds: number, quiet = false): Promise<RunResult> {
  const byKindStats = new Map<RequestKind, KindStats>(MIX.map((m) => [m.kind, { durations: [], statuses: new Map() }]));
  const statuses = new Map<number, number>();
  let n = 0;
  let nextClient = 0;
  let counter = 0;
  let errors = 0;
  const url = new URL(base);
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  autocannon(
    {
      url: base,
      connections: sessions.length,
      duration: seconds,
      timeout: 30,
      setupClient: (client) => {
        const s = sessions[nextClient++ % sessions.length]!;
        let last: RequestKind = 'list';
        const rand = prng(nextClient * 7919);
        client.setRequests([
          {
            setupRequest: (req) => {
              last = pickKind(s.role.weights, rand());
              if ((last === 'read' || last === 'inform') && s.ids.length === 0) last = 'list';
              const p = { caseId: s.ids[Math.floor(rand() * s.ids.length)] ?? '', i: counter++ };
              const r = target === 'lots' ? byKind(last).lots(p) : byKind(last).base(p);
              const headers: Record<string, string> =
                target === 'lots' ? { cookie: s.cookie, 'x-csrf-token': s.csrf, host: url.host } : { 'x-bench-user': s.username, host: url.host };
              if (r.body) headers['content-type'] = 'application/json';
              return { ...req, method: r.method, path: r.path, headers, body: r.body };
            },
          },
        ]);
        client.on('response', (status: number, _bytes: number, time: number) => {
          const k = byKindStats.get(last)!;
          k.durations.push(time);
          k.statuses.set(status, (k.statuses.get(status) ?? 0) + 1);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status !== EXPECTED[last]) errors++;
          n++;
        });
      },
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  const t0 = Date.now();
  let prev = 0;
  const ticker = setInterval(() => {
    if (quiet) return;
    const s = (Date.now() - t0) / 1000;
    say(`  ${label}: ${s.toFixed(0).padStart(3)} s  ${n.toLocaleString('en').padStart(9)} requests  ${((n - prev) / 5).toFixed(0).padStart(6)} req/s now  ${errors} errors`);
    prev = n;
  }, 5_000);
  const result = await finished;
  clearInterval(ticker);
  const all = [...byKindStats.values()].flatMap((k) => k.durations);
  return {
    requests: n,
    seconds: result.duration,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    errors: errors + result.errors + result.timeouts,
    statuses,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    byKind: byKindStats,
  };
}

async function makeData(): Promise<VisibleIds> {
  let t = Date.now();
  const setup = await target.open();
  await migrateToLatest(setup.db);
  await seedDemo(setup.db, { cases: 0, publishedSeries: false });
  await setup.close();

  // Templates through the real API, as first responders in several regions.
  server = await startServer('lots', target.env);
  const creators = ['socialsekreterare', 'skola.goteborg', 'socialtjanst.goteborg', 'polis', 'migrationsverket'];
  const templates = Math.min(cases, 250);
  let made = 0;
  await pool(
    4,
    creators.map((u, k) => async () => {
      const s = await signIn(server!.base, u);
      for (let i = k; i < templates; i += creators.length) {
        const res = await fetch(`${server!.base}/api/v1/cases`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: referral(i) });
        if (res.status !== 201) throw new Error(`template referral: ${res.status} ${await res.text()}`);
        made++;
      }
    }),
  );
  await server.stop();
  server = null;
  say(`${made} referrals registered through the API (${((Date.now() - t) / 1000).toFixed(1)} s)`);

  t = Date.now();
  const data = await target.open();
  useKeyring(parseKeyring(DATA_KEYS, 'the benchmark key'));
  let last = 0;
  await multiplyCases(data.db, cases, (d, total) => {
    if (Date.now() - last > 2_000 || d === total) {
      last = Date.now();
      process.stdout.write(`\r  copying: ${d.toLocaleString('en')} / ${total.toLocaleString('en')} cases`);
    }
  });
  // A live server's autovacuum would have done this within a minute of a bulk load: statistics
  // for the planner and a visibility map for index-only counts.
  if (!usePglite) await sql`vacuum analyze`.execute(data.db);
  const ids = await visibleIds(data.db);
  await data.close();
  say(`\n${cases.toLocaleString('en')} cases in the database (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return ids;
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The users phase: every session pauses a random time after each answer, then sends its next request. */
async function paced(label: string, target: 'lots' | 'baseline', base: string, sessions: Session[], seconds: number, quiet = false): Promise<RunResult> {
  const byKindStats = new Map<RequestKind, KindStats>(MIX.map((m) => [m.kind, { durations: [], statuses: new Map() }]));
  const statuses = new Map<number, number>();
  let n = 0;
  let errors = 0;
  let socketErrors = 0;
  let timeouts = 0;
  let counter = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  let prev = 0;
  const ticker = setInterval(() => {
    if (quiet) return;
    const s = (performance.now() - t0) / 1000;
    say(`  ${label}: ${s.toFixed(0).padStart(3)} s  ${n.toLocaleString('en').padStart(9)} requests  ${((n - prev) / 5).toFixed(0).padStart(6)} req/s now  ${errors + socketErrors + timeouts} errors`);
    prev = n;
  }, 5_000);
  await Promise.all(
    sessions.map(async (s, k) => {
      const rand = prng(k * 7919 + 17);
      const pause = () => -Math.log(1 - rand()) * pauseMs;
      // The sessions start spread over one mean pause, not all at once.
      await sleep(rand() * pauseMs);
      while (performance.now() < end) {
        let kind = pickKind(s.role.weights, rand());
        if ((kind === 'read' || kind === 'inform') && s.ids.length === 0) kind = 'list';
        const p = { caseId: s.ids[Math.floor(rand() * s.ids.length)] ?? '', i: counter++ };
        const r = target === 'lots' ? byKind(kind).lots(p) : byKind(kind).base(p);
        const headers: Record<string, string> = target === 'lots' ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : { 'x-bench-user': s.username };
        if (r.body) headers['content-type'] = 'application/json';
        const started = performance.now();
        try {
          const res = await fetch(`${base}${r.path}`, { method: r.method, headers, body: r.body, signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          const k2 = byKindStats.get(kind)!;
          k2.durations.push(performance.now() - started);
          k2.statuses.set(res.status, (k2.statuses.get(res.status) ?? 0) + 1);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status !== EXPECTED[kind]) errors++;
          n++;
        } catch (err: unknown) {
          if (err instanceof Error && err.name === 'TimeoutError') timeouts++;
          else socketErrors++;
        }
        await sleep(Math.min(pause(), Math.max(0, end - performance.now())));
      }
    }),
  );
  clearInterval(ticker);
  const all = [...byKindStats.values()].flatMap((k) => k.durations);
  return {
    requests: n,
    seconds: (performance.now() - t0) / 1000,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    errors: errors + socketErrors + timeouts,
    statuses,
    socketErrors,
    timeouts,
    byKind: byKindStats,
  };
}

// ---------------------------------------------------------------- main
const target = await makeTarget();
let server: Server | null = null;
try {
  say(`Load benchmark: ${connections} sessions, ${duration} s (after ${warmup} s warm-up), ${cases.toLocaleString('en')} cases, ${target.describe}`);
  say(`Rate limits raised for the Lots process so they do not shape the figures: LOTS_RATE_LIMIT=${RATE_ENV.LOTS_RATE_LIMIT}, LOTS_LOGIN_RATE_LIMIT=${RATE_ENV.LOTS_LOGIN_RATE_LIMIT}; LOTS_MFA=off; LOG_LEVEL=${logLevel} (server logs in ${logs})`);

  let t = Date.now();
  let ids: VisibleIds;
  if (reuse) {
    const data = await target.open();
    await migrateToLatest(data.db);
    ids = await visibleIds(data.db);
    await data.close();
    say(`reusing the kept database ${reuse}`);
  } else {
    ids = await makeData();
  }

  // ---- Lots
  server = await startServer('lots', target.env);
  await waitForStartupJobs(server);
  t = Date.now();
  const sessions = await makeSessions(server.base, ids);
  say(`${sessions.length} sessions signed in (${((Date.now() - t) / 1000).toFixed(1)} s): ${ROLES.map((r) => `${sessions.filter((s) => s.role === r).length} ${r.name}`).join(', ')}`);
  t = Date.now();
  for (const m of MIX) {
    const s = sessions.find((x) => x.role.weights[m.kind] && (x.ids.length || !['read', 'inform'].includes(m.kind)))!;
    const r = m.lots({ caseId: s.ids[0] ?? '', i: 0 });
    const res = await fetch(`${server.base}${r.path}`, { method: r.method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(r.body ? { 'content-type': 'application/json' } : {}) }, body: r.body });
    if (res.status !== EXPECTED[m.kind]) throw new Error(`${m.kind} as ${s.username}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
  say(`each kind of request answered once (statistics computed: ${((Date.now() - t) / 1000).toFixed(1)} s); warming up ${warmup} s`);
  await paced('warm-up', 'lots', server.base, sessions, warmup, true);
  say(`Lots, users (each session pauses ${pauseMs} ms on average between answer and next request):`);
  const lotsUsers = await metered(() => paced('Lots', 'lots', server!.base, sessions, duration), server);
  say('Lots, saturation (no pause):');
  const lots = await metered(() => saturate('Lots', 'lots', server!.base, sessions, duration), server);
  await server.stop();
  server = null;

  // ---- baseline
  server = await startServer('baseline', target.env);
  await paced('warm-up', 'baseline', server.base, sessions, warmup, true);
  say('baseline (bare Fastify, same SQL), users:');
  const baselineUsers = await metered(() => paced('baseline', 'baseline', server!.base, sessions, duration), server);
  say('baseline, saturation:');
  const baseline = await metered(() => saturate('baseline', 'baseline', server!.base, sessions, duration), server);
  await server.stop();
  server = null;

  // ---- report
  const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
  const rps = (r: RunResult) => r.requests / r.seconds;
  const row = (name: string, r: RunResult) =>
    say(
      `  ${name.padEnd(10)} ${r.requests.toLocaleString('en').padStart(9)} req  ${rps(r).toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  errors ${r.errors}` +
        (r.cpu ? `  processor per request: server ${r.cpu.serverMs.toFixed(2)} ms, database ${r.cpu.databaseMs.toFixed(2)} ms` : ''),
    );
  const byKindTable = (a: RunResult, b: RunResult) => {
    for (const m of MIX) {
      const x = a.byKind.get(m.kind)!;
      const y = b.byKind.get(m.kind)!;
      const st = (k: KindStats) => [...k.statuses].map(([code, c]) => `${code}×${c}`).join(' ');
      say(
        `    ${m.kind.padEnd(10)} ${String(x.durations.length).padStart(7)} req  p50 ${ms(percentile(x.durations, 50))}  p99 ${ms(percentile(x.durations, 99))}  [${st(x)}]  |  ${String(y.durations.length).padStart(7)} req  p50 ${ms(percentile(y.durations, 50))}  p99 ${ms(percentile(y.durations, 99))}  [${st(y)}]`,
      );
    }
  };
  say('');
  say(`Results (${connections} sessions, ${duration} s per phase, ${cases.toLocaleString('en')} cases, ${usePglite ? 'PGlite' : 'PostgreSQL'}; the machine is shared, figures vary between runs):`);
  say(`Users (a pause of ${pauseMs} ms on average after each answer; offered at most ${(connections / (pauseMs / 1000)).toFixed(0)} req/s):`);
  row('Lots', lotsUsers);
  row('baseline', baselineUsers);
  say(`  ratios     p50 ${(lotsUsers.p50 / baselineUsers.p50).toFixed(1)}×   p99 ${(lotsUsers.p99 / baselineUsers.p99).toFixed(1)}×`);
  say('  by kind (Lots | baseline):');
  byKindTable(lotsUsers, baselineUsers);
  say('Saturation (no pause: every session sends again the moment its answer arrives):');
  row('Lots', lots);
  row('baseline', baseline);
  say(`  ratios     throughput ${(rps(lots) / rps(baseline)).toFixed(2)}× baseline   p50 ${(lots.p50 / baseline.p50).toFixed(1)}×   p99 ${(lots.p99 / baseline.p99).toFixed(1)}×`);
  say(`  (with ${connections} sessions always waiting, the mean answer time is ${connections} ÷ throughput = ${((connections / rps(lots)) * 1000).toFixed(0)} ms for Lots: latency here measures the queue, not the server)`);
  say('  by kind (Lots | baseline):');
  byKindTable(lots, baseline);
  say('');
  const check = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
  say('Targets:');
  const unexpected = [...lotsUsers.statuses, ...lots.statuses].filter(([st]) => st !== 200 && st !== 201).map(([st, c]) => `${st}×${c}`);
  const socket = lotsUsers.socketErrors + lots.socketErrors;
  const timedOut = lotsUsers.timeouts + lots.timeouts;
  if (socket) unexpected.push(`socket errors×${socket}`);
  if (timedOut) unexpected.push(`timeouts×${timedOut}`);
  const errors = lotsUsers.errors + lots.errors;
  say(`  ${check(errors === 0)} zero errors in both phases (every answer the expected 2xx; no 5xx, no socket error, no timeout): ${errors}${unexpected.length ? ` (${unexpected.join(', ')})` : ''}`);
  say(`  ${check(lotsUsers.p99 < 200)} p99 < 200 ms with ${connections} users: ${lotsUsers.p99.toFixed(0)} ms (p50 ${lotsUsers.p50.toFixed(0)} ms, ${rps(lotsUsers).toFixed(0)} req/s)`);
  say(`  ${check(rps(lots) >= 0.5 * rps(baseline))} saturated throughput ≥ 0.5× baseline: ${(rps(lots) / rps(baseline)).toFixed(2)}× (${rps(lots).toFixed(0)} against ${rps(baseline).toFixed(0)} req/s)`);
} finally {
  await server?.stop();
  if (reuse) say(`kept: ${target.describe}`);
  else if (flag('keep')) {
    writeFileSync(keyFile(target.name!), DATA_KEYS, { mode: 0o600 });
    say(`kept: ${target.describe}; measure again with --reuse ${target.name}`);
  } else await target.drop();
  if (!flag('keep')) rmSync(work, { recursive: true, force: true });
}
