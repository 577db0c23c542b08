// Lists the SQL statements one request of each kind in the load mix issues in Lots, next to the
// statements the bare baseline server runs for it: what the "same SQL" of the baseline leaves
// out is exactly Lots' own machinery (session lookup and touch, scope checks, audit trail,
// timeline events). Runs in-process on an in-memory PGlite with a few demo cases.
//
//   npx tsx bench/load/statements.ts
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { prepareEncryption } from '../../server/crypto/data-keys.js';
import { activeKeyring, testKeyring, useKeyring } from '../../server/crypto/keyring.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed/demo.js';
import { MIX, type RequestKind } from './mix.js';

const captured: string[] = [];
let capturing = false;
const database = await openDatabase({
  dataDir: 'memory://',
  log: (e) => {
    if (capturing && e.level === 'query') captured.push(e.query.sql.replace(/\s+/g, ' ').slice(0, 160));
  },
});
await migrateToLatest(database.db);
useKeyring(testKeyring());
await prepareEncryption(database.db, activeKeyring());
await seedDemo(database.db, { cases: 30, publishedSeries: false });
const app = await buildApp({ database, config: loadConfig({ LOTS_WEB_DIST: '/nonexistent', LOTS_RATE_LIMIT: '100000', LOTS_LOGIN_RATE_LIMIT: '1000', LOTS_MFA: 'off' }) });

async function session(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

const users: Record<RequestKind, string> = { list: 'koordinator.stockholm', read: 'koordinator.stockholm', create: 'socialsekreterare', inform: 'koordinator.stockholm', statistics: 'analytiker' };
const list = await app.inject({ method: 'GET', url: '/api/v1/cases', cookies: {}, headers: { cookie: (await session('koordinator.stockholm')).cookie } });
const caseId = (list.json() as { items: { id: string }[] }).items[0]!.id;

for (const m of MIX) {
  const s = await session(users[m.kind]);
  const req = m.lots({ caseId, i: 1 });
  const send = () =>
    app.inject({ method: req.method, url: req.path, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(req.body ? { 'content-type': 'application/json' } : {}) }, payload: req.body });
  await send(); // warm (the statistics cache, for one)
  captured.length = 0;
  capturing = true;
  const res = await send();
  capturing = false;
  console.log(`\n${m.kind}: ${req.method} ${req.path} → ${res.statusCode}; ${captured.length} statements in Lots`);
  for (const q of captured) console.log(`  ${q}`);
  console.log(`  baseline: ${m.baseline}`);
}
await app.close();
await database.close();
