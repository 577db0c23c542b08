// Load benchmark: many concurrent signed-in sessions mixing case lists, case reads, writes
// (new referrals, added information) and statistics against a database of 100,000 cases, on the
// real `lots serve` process; then the same mix against a bare Fastify server running the same
// SQL (bench/load/baseline-server.ts). Prints p50, p99, throughput and errors for both, the
// ratios, and the targets: zero errors, p99 < 200 ms, throughput ≥ 0.5× the baseline.
// A benchmark, not a test: it asserts nothing and exits 0 unless it cannot run.
//
//   npm run bench:load                                   PostgreSQL, 200 sessions, 60 s, 100,000 cases
//   npm run bench:load -- --duration 15 --connections 50 --cases 20000    a quick run
//   npm run bench:load -- --pglite                       the embedded database instead
//   npm run bench:load -- --profile                      V8 CPU profiles of both servers, beside their logs
//   npm run bench:load -- --keep                         keep the database afterwards (to EXPLAIN its queries)
//
// PostgreSQL: BENCH_DATABASE_URL (an admin URL; default postgres://postgres@127.0.0.1:5432/postgres)
// gets a throwaway database, dropped at the end. Rate limits are raised for the Lots process
// (LOTS_RATE_LIMIT, LOTS_LOGIN_RATE_LIMIT) so they do not shape the figures; two-factor sign-in
// is off (LOTS_MFA=off) so sessions are made by password sign-in alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
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
const logLevel = args.includes('--log-level') ? args[args.indexOf('--log-level') + 1]! : 'info';

const RATE_ENV = { LOTS_RATE_LIMIT: '100000000', LOTS_LOGIN_RATE_LIMIT: '1000000' };
const DATA_KEYS = `bench01:${randomBytes(32).toString('base64')}`;
const work = mkdtempSync(join(tmpdir(), 'lots-load-'));
const logs = mkdtempSync(join(tmpdir(), 'lots-load-logs-'));
const say = (line: string) => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------- the database
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
  describe: string;
}

async function makeTarget(): Promise<Target> {
  if (usePglite) {
    const dataDir = join(work, 'data');
    return { env: { LOTS_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: `${dataDir}/pglite` }), drop: async () => {}, describe: `PGlite (${dataDir})` };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(adminUrl, 'lots_load');
  return {
    env: { DATABASE_URL: scratch.url },
    open: () => openDatabase({ url: scratch.url, poolSize: 4 }),
    drop: scratch.drop,
    describe: `PostgreSQL (throwaway database ${scratch.name} on ${new URL(scratch.url).host})`,
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

async function measure(label: string, target: 'lots' | 'baseline', base: string, sessions: Session[], seconds: number, quiet = false): Promise<RunResult> {
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

// ---------------------------------------------------------------- main
const target = await makeTarget();
let server: Server | null = null;
try {
  say(`Load benchmark: ${connections} sessions, ${duration} s (after ${warmup} s warm-up), ${cases.toLocaleString('en')} cases, ${target.describe}`);
  say(`Rate limits raised for the Lots process so they do not shape the figures: LOTS_RATE_LIMIT=${RATE_ENV.LOTS_RATE_LIMIT}, LOTS_LOGIN_RATE_LIMIT=${RATE_ENV.LOTS_LOGIN_RATE_LIMIT}; LOTS_MFA=off; LOG_LEVEL=${logLevel} (server logs in ${logs})`);

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
  const ids = await visibleIds(data.db);
  await data.close();
  say(`\n${cases.toLocaleString('en')} cases in the database (${((Date.now() - t) / 1000).toFixed(1)} s)`);

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
  await measure('warm-up', 'lots', server.base, sessions, warmup, true);
  say('Lots:');
  const lots = await measure('Lots', 'lots', server.base, sessions, duration);
  await server.stop();
  server = null;

  // ---- baseline
  server = await startServer('baseline', target.env);
  await measure('warm-up', 'baseline', server.base, sessions, warmup, true);
  say('baseline (bare Fastify, same SQL):');
  const baseline = await measure('baseline', 'baseline', server.base, sessions, duration);
  await server.stop();
  server = null;

  // ---- report
  const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
  const rps = (r: RunResult) => r.requests / r.seconds;
  const row = (name: string, r: RunResult) =>
    say(`${name.padEnd(10)} ${r.requests.toLocaleString('en').padStart(9)} req  ${rps(r).toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  errors ${r.errors}`);
  say('');
  say(`Results (${connections} sessions, ${duration} s, ${cases.toLocaleString('en')} cases, ${usePglite ? 'PGlite' : 'PostgreSQL'}; the machine is shared, figures vary between runs):`);
  row('Lots', lots);
  row('baseline', baseline);
  say(`ratios     throughput ${(rps(lots) / rps(baseline)).toFixed(2)}× baseline   p50 ${(lots.p50 / baseline.p50).toFixed(1)}×   p99 ${(lots.p99 / baseline.p99).toFixed(1)}×`);
  say('');
  say('By kind (Lots | baseline):');
  for (const m of MIX) {
    const a = lots.byKind.get(m.kind)!;
    const b = baseline.byKind.get(m.kind)!;
    const st = (k: KindStats) => [...k.statuses].map(([s, c]) => `${s}×${c}`).join(' ');
    say(
      `  ${m.kind.padEnd(10)} ${String(a.durations.length).padStart(7)} req  p50 ${ms(percentile(a.durations, 50))}  p99 ${ms(percentile(a.durations, 99))}  [${st(a)}]  |  ${String(b.durations.length).padStart(7)} req  p50 ${ms(percentile(b.durations, 50))}  p99 ${ms(percentile(b.durations, 99))}  [${st(b)}]`,
    );
  }
  say('');
  const check = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
  say('Targets:');
  const unexpected = [...lots.statuses].filter(([st]) => st !== 200 && st !== 201).map(([st, c]) => `${st}×${c}`);
  if (lots.socketErrors) unexpected.push(`socket errors×${lots.socketErrors}`);
  if (lots.timeouts) unexpected.push(`timeouts×${lots.timeouts}`);
  say(`  ${check(lots.errors === 0)} zero errors (every answer the expected 2xx; no 5xx, no socket error, no timeout): ${lots.errors}${unexpected.length ? ` (${unexpected.join(', ')})` : ''}`);
  say(`  ${check(lots.p99 < 200)} p99 < 200 ms: ${lots.p99.toFixed(0)} ms`);
  say(`  ${check(rps(lots) >= 0.5 * rps(baseline))} throughput ≥ 0.5× baseline: ${(rps(lots) / rps(baseline)).toFixed(2)}×`);
} finally {
  await server?.stop();
  if (flag('keep')) say(`kept: ${target.describe}`);
  else await target.drop();
  if (!flag('keep')) rmSync(work, { recursive: true, force: true });
}
