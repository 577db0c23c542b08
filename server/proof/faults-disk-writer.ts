// Child process of the full-disk proof (faults-disk-full.test.ts): opens an embedded database
// through openDatabase() in DIR/db, fills the file system DIR is on with DIR/filler until only
// LEAVE bytes are free, then updates one row again and again until a write fails. Updating one
// row keeps the tables from growing, so it is the write-ahead log that needs a new segment and
// cannot have one: PostgreSQL's PANIC. Prints one JSON line: the last value acknowledged, the
// failure, its HTTP classification, and what the next query did. Exits without closing (a
// stopped PGlite cannot be closed).
//
//   tsx server/proof/faults-disk-writer.ts DIR LEAVE
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../db/database.js';
import { databaseFault } from '../http/error-handler.js';

const [dir, leaveArg] = process.argv.slice(2);
if (!dir || !leaveArg) throw new Error('usage: faults-disk-writer.ts DIR LEAVE');
const leave = Number(leaveArg);
const database = await openDatabase({ dataDir: join(dir, 'db') });
const db = database.db;
await sql`create table if not exists fault_probe (id int primary key, v text not null)`.execute(db);
await sql`insert into fault_probe values (1, 'v0') on conflict (id) do update set v = 'v0'`.execute(db);

const free = () => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};
const fd = openSync(join(dir, 'filler'), 'w');
const block = Buffer.alloc(1 << 16, 1);
while (free() > leave + block.length) writeSync(fd, block);
closeSync(fd);

const describe = (err: unknown) => {
  const e = err as { code?: string; severity?: string; message?: string };
  return { code: e.code ?? null, severity: e.severity ?? null, message: e.message ?? String(err), fault: databaseFault(err) };
};

let acknowledged = 'v0';
let failure: ReturnType<typeof describe> | null = null;
for (let i = 1; i <= 500_000 && !failure; i++) {
  // Incompressible and below the TOAST threshold, so every update writes ~2 kB of log.
  const value = `v${i}:${randomBytes(1350).toString('base64')}`;
  try {
    await sql`update fault_probe set v = ${value} where id = 1`.execute(db);
    acknowledged = value;
  } catch (err) {
    failure = describe(err);
  }
}
// The next query: with the guard in openDatabase it fails at once instead of waiting for ever.
const t0 = Date.now();
const next = await Promise.race([
  sql`select 1`.execute(db).then(
    () => ({ outcome: 'answered' as const }),
    (err: unknown) => ({ outcome: 'failed' as const, ...describe(err) }),
  ),
  new Promise<{ outcome: 'hung' }>((resolve) => setTimeout(() => resolve({ outcome: 'hung' }), 10_000)),
]);
process.stdout.write(`${JSON.stringify({ acknowledged: acknowledged.split(':')[0], failure, next: { ...next, ms: Date.now() - t0 } })}\n`);
process.exit(0);
