// Processor time per request of each kind in the load mix, measured in-process (app.inject, no
// sockets) against a kept load-benchmark database: where Lots' own per-request cost goes.
//
//   npx tsx bench/load/micro.ts lots_load_<hex> [requests per kind]
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/database.js';
import { parseKeyring, useKeyring } from '../../server/crypto/keyring.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';
import { MIX, type RequestKind } from './mix.js';

const name = process.argv[2];
if (!name || !/^lots_load_[0-9a-f]+$/.test(name)) throw new Error('usage: npx tsx bench/load/micro.ts lots_load_<hex> [n]');
const n = Number(process.argv[3] ?? 300);
const keys = readFileSync(join(tmpdir(), `${name}.datakeys`), 'utf8').trim();
process.env.LOTS_DATA_KEYS = keys;
useKeyring(parseKeyring(keys, 'LOTS_DATA_KEYS'));
const admin = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
admin.pathname = `/${name}`;
const database = await openDatabase({ url: admin.toString(), poolSize: 4 });
const app = await buildApp({ database, config: loadConfig({ LOTS_WEB_DIST: '/nonexistent', LOTS_RATE_LIMIT: '100000000', LOTS_LOGIN_RATE_LIMIT: '1000000', LOTS_MFA: 'off', DATABASE_URL: admin.toString() }) });

async function session(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode}`);
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: (res.json() as { csrfToken: string }).csrfToken };
}
const users: Record<RequestKind, string> = { list: 'koordinator.stockholm', read: 'koordinator.stockholm', create: 'socialsekreterare', inform: 'koordinator.stockholm', statistics: 'analytiker' };
const first = await session('koordinator.stockholm');
const ids = ((await app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=100', headers: { cookie: first.cookie } })).json() as { items: { id: string }[] }).items.map((i) => i.id);

for (const m of MIX.filter((x) => !process.env.KIND || x.kind === process.env.KIND)) {
  const s = await session(users[m.kind]);
  const send = (i: number) => {
    const r = m.lots({ caseId: ids[i % ids.length]!, i });
    return app.inject({ method: r.method, url: r.path, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(r.body ? { 'content-type': 'application/json' } : {}) }, payload: r.body });
  };
  for (let i = 0; i < 20; i++) await send(i);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await send(1000 + i);
    if (res.statusCode >= 300) throw new Error(`${m.kind}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(`${m.kind.padEnd(10)} ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms processor, ${((performance.now() - t0) / n).toFixed(2)} ms wall per request (${n} in a row)`);
}
await app.close();
await database.close();
