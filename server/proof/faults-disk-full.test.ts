// Fault proof: a full disk under the embedded database. The data directory lives on a small
// tmpfs of its own (a real file system that really runs out: writes fail with ENOSPC), which a
// filler file fills up while Lots runs. What is simulated is only how the disk got full.
//
// 1. The real `lots serve`: when a table cannot grow, the request answers 503 `storage_full`
//    with Retry-After (never 500), reads go on, and once space is free again writes succeed
//    without a restart. `lots import cases` on the full disk fails with a clear line and exit 1.
//    Afterwards every acknowledged case is there, nothing of the refused writes or the import is,
//    the audit chain verifies and amcheck finds no damaged table or index.
// 2. When the write-ahead log cannot grow, PostgreSQL PANICs. PGlite would then wait for ever
//    on the next query; openDatabase() makes every later query fail at once (503). After space
//    is freed the data directory recovers from its log on the next open, holding exactly the
//    last acknowledged write.
//
// Runs in the PGlite suite (`npm test`), as root with the right to mount a tmpfs (the CI machine
// runs as root). Skipped, on purpose, in the PostgreSQL suite (the embedded database is the one
// whose disk Lots owns) and where mounting is not allowed (describe.runIf below).
import { execFile, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { writeCaseFile } from '../../domain/statistics/case-csv.js';
import { syntheticRecords } from '../../domain/statistics/synthetic-records.js';
import { referralBody } from '../test/harness.js';
import { freePort } from './faults-cluster.js';
import { runLots, startLots, type LotsProcess } from './faults-cli.js';
import { storageProblems } from './faults-storage-check.js';

const run = promisify(execFile);

/** Can this process mount a tmpfs? Probed once, with a 1 MB one. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'lots-fault-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const RUNS = !process.env.TEST_DATABASE_URL && canMountTmpfs();

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Fills the file system under dir with dir/filler until `leave` bytes are free. */
function fill(dir: string, leave: number): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const block = Buffer.alloc(1 << 16, 1);
  try {
    while (freeBytes(dir) > leave + block.length) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}

describe.runIf(RUNS)('a full disk under the embedded database (tmpfs)', () => {
  const mounts: string[] = [];
  async function mountTmpfs(size: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'lots-fault-disk-'));
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    mounts.push(dir);
    return dir;
  }

  let csv = '';
  beforeAll(() => {
    csv = join(mkdtempSync(join(tmpdir(), 'lots-fault-csv-')), 'cases.csv');
    writeFileSync(csv, writeCaseFile(syntheticRecords(21, { years: [2023, 2024], count: 20_000 })));
  });

  afterAll(async () => {
    for (const dir of mounts) {
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
      rmSync(dir, { recursive: true, force: true });
    }
    if (csv) rmSync(join(csv, '..'), { recursive: true, force: true });
  });

  it('answers 503 storage_full when a table cannot grow, keeps reading, and writes again once space is free', { timeout: 180_000 }, async () => {
    const dir = await mountTmpfs('192m');
    const seeded = await runLots(['seed-demo', '--cases', '5'], { LOTS_DATA_DIR: dir });
    expect(seeded.code, seeded.output).toBe(0);
    const casesIn = async () => {
      const database = await openDatabase({ dataDir: join(dir, 'pglite') });
      try {
        return Number((await database.db.selectFrom('cases').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      } finally {
        await database.close();
      }
    };
    const before = await casesIn();
    const acknowledged: string[] = [];
    const port = await freePort();
    const env = { LOTS_DATA_DIR: dir, PORT: String(port), LOTS_MFA: 'off', LOTS_WEB_DIST: '/nonexistent', LOTS_RATE_LIMIT: '100000', LOTS_LOGIN_RATE_LIMIT: '1000', LOG_LEVEL: 'warn' };
    const server: LotsProcess = startLots(['serve'], env);
    const base = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; !server.output().includes('Lots is running at'); i++) {
        if (server.child.exitCode !== null || i > 1200) throw new Error(`lots serve did not start: ${server.output().slice(-1000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'socialsekreterare', password: DEMO_PASSWORD }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const create = (i: number) =>
        fetch(`${base}/api/v1/cases`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify(referralBody({ summary: `Syntetiskt ärende ${i}: ${'uppgifter '.repeat(400)}` })),
        });

      for (let i = 0; i < 3; i++) {
        const res = await create(i);
        expect(res.status).toBe(201);
        acknowledged.push(((await res.json()) as { id: string }).id);
      }

      fill(dir, 256 * 1024);
      const refused: { status: number; retryAfter: string | null; body: unknown }[] = [];
      for (let i = 3; refused.length < 3; i++) {
        if (i > 3000) throw new Error('the disk never filled up');
        const res = await create(i);
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else refused.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() });
      }
      for (const r of refused) {
        expect(r.status).toBe(503);
        expect(r.retryAfter).toMatch(/^\d+$/);
        expect(r.body).toEqual({ error: { code: 'storage_full', message: expect.stringMatching(/no space left/) } });
      }
      // Reads go on while the disk is full.
      const read = await fetch(`${base}/api/v1/cases/${acknowledged[0]}`, { headers: { cookie } });
      expect(read.status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);

      // Space again: the same process writes again.
      rmSync(join(dir, 'filler'));
      const again = await create(9999);
      expect(again.status).toBe(201);
      acknowledged.push(((await again.json()) as { id: string }).id);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }

    // The CLI on a full disk: a clear line, exit 1, nothing imported.
    fill(dir, 256 * 1024);
    const imported = await runLots(['import', 'cases', csv], { LOTS_DATA_DIR: dir });
    rmSync(join(dir, 'filler'));
    expect(imported.code).toBe(1);
    // (The progress bar is drawn because the proofs force it on; the error follows it.)
    expect(imported.output).toMatch(/error: could not extend file .*: No space left on device\n$/);
    expect(imported.output).not.toMatch(/\n\s+at /); // no stack trace

    // Opened again: everything acknowledged is there, nothing refused or half-imported is.
    const database = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      await migrateToLatest(database.db);
      const found = await database.db.selectFrom('cases').select('id').where('id', 'in', acknowledged).execute();
      expect(found.length).toBe(acknowledged.length);
      const all = await database.db.selectFrom('cases').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(all.n)).toBe(before + acknowledged.length);
      const importedRows = await sql<{ n: number }>`select count(*)::int as n from cases where external_ref like 'SC-21-%'`.execute(database.db);
      expect(importedRows.rows[0]!.n).toBe(0);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    } finally {
      await database.close();
    }
    expect(await storageProblems(join(dir, 'pglite'))).toEqual([]);
  });

  it('stops the embedded database cleanly when its write-ahead log cannot grow, and recovers it on the next open', { timeout: 180_000 }, async () => {
    const dir = await mountTmpfs('64m');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/proof/faults-disk-writer.ts', dir, String(2 * 1024 * 1024)], { timeout: 150_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      acknowledged: string;
      failure: { code: string; severity: string; message: string; fault: { code: string } } | null;
      next: { outcome: string; code?: string; ms: number; fault?: { code: string } };
    };
    // The failure: PostgreSQL's PANIC for a log segment it cannot create; classified as 503 storage_full.
    expect(report.failure).toMatchObject({ code: '53100', severity: 'PANIC', fault: { code: 'storage_full' } });
    expect(report.failure!.message).toMatch(/pg_wal.*No space left on device/);
    // The next query fails at once (instead of waiting for ever), as 503 unavailable.
    expect(report.next).toMatchObject({ outcome: 'failed', code: '57P02', fault: { code: 'unavailable' } });
    expect(report.next.ms).toBeLessThan(1_000);

    rmSync(join(dir, 'filler'));
    const database = await openDatabase({ dataDir: join(dir, 'db') });
    try {
      const rows = await sql<{ v: string }>`select split_part(v, ':', 1) as v from fault_probe`.execute(database.db);
      expect(rows.rows).toEqual([{ v: report.acknowledged }]);
      await sql`update fault_probe set v = 'after' where id = 1`.execute(database.db);
    } finally {
      await database.close();
    }
    expect(await storageProblems(join(dir, 'db'))).toEqual([]);
  });
});
