// Registration-time lookup through the server's persons index: `npm run bench:persons`.
// Loads 100,000 invented persons (the matching benchmark's generator) into an embedded
// database, builds the index the way POST /persons/check does (from the persons table, model
// fitted to it), then looks up 2,000 new registrations one at a time, both against the index
// alone and with the per-request freshness check (one query for the table's generation). Also
// times an incremental refresh after a write. Prints figures; asserts nothing.
//
//   npm run bench:persons                    100,000 persons, 2,000 lookups
//   BENCH_PERSONS=20000 npm run bench:persons
import { cpus } from 'node:os';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { personIndexFor } from '../../server/modules/persons/person-index.js';
import { generateDataset } from '../matching/generate.js';
import { ephemeralKeyring, useKeyring } from '../../server/crypto/keyring.js';
import { sealNames } from '../../server/modules/persons/person-names.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2_000);
const SEED = 21;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 0.5).toFixed(2)} ms, p95 ${percentile(s, 0.95).toFixed(2)} ms, p99 ${percentile(s, 0.99).toFixed(2)} ms, max ${(s.at(-1) ?? 0).toFixed(1)} ms`;
};
const sexOf = (s: string | null | undefined) => (s === 'f' ? 'female' : s === 'm' ? 'male' : 'unknown');

console.log(`Lots persons lookup benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
const data = generateDataset({ records: PERSONS + QUERIES, seed: SEED });
const stored = data.slice(0, PERSONS);
const asked = data.slice(PERSONS);

// Names are stored encrypted, as in production: the index build decrypts them all.
useKeyring(ephemeralKeyring());
const database = await openDatabase({ dataDir: 'memory://' });
try {
  const db = database.db;
  await migrateToLatest(db);
  let t = performance.now();
  for (let i = 0; i < stored.length; i += 2_000) {
    await db
      .insertInto('persons')
      .values(
        stored.slice(i, i + 2_000).map(({ record: r }) => ({
          ...sealNames({ given_names: r.givenNames, family_names: r.familyNames, aliases: [...(r.aliases ?? [])] }),
          sex: sexOf(r.sex),
          birth_date: r.birthDate ?? null,
          birth_year: r.birthYear ?? null,
          estimated_age: null,
          estimated_age_on: null,
          citizenships: [...(r.citizenships ?? [])],
          protected_identity: false,
          created_by_org: null,
        })),
      )
      .execute();
  }
  console.log(`${PERSONS.toLocaleString('en-GB')} persons (names encrypted, blind index) inserted into embedded PGlite in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  const index = await personIndexFor(db);
  console.log(`index built from the persons table (load, ${index.fitted ? 'model fitted' : 'reference model'}, prepared, blocked) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const rss = process.memoryUsage().rss / 2 ** 20;

  for (const l of asked.slice(0, 50)) index.lookup(l.record, { limit: 20 });
  const bare: number[] = [];
  const full: number[] = [];
  let offered = 0;
  for (const l of asked) {
    let s = performance.now();
    const hits = index.lookup(l.record, { limit: 20 });
    bare.push(performance.now() - s);
    if (hits.length > 0) offered++;
    s = performance.now();
    (await personIndexFor(db)).lookup(l.record, { limit: 20 });
    full.push(performance.now() - s);
  }
  console.log(`\n${QUERIES.toLocaleString('en-GB')} lookups (target: p95 under 20 ms against 100,000 persons)`);
  console.log(`  index lookup:                      ${fmt(bare)}`);
  console.log(`  with the freshness check (1 query): ${fmt(full)}`);
  console.log(`  someone offered (review band or above) for ${((100 * offered) / asked.length).toFixed(1)} % of the registrations`);
  console.log(`  process memory with the index: ${rss.toFixed(0)} MB`);

  const one = asked[0]!.record;
  await db
    .insertInto('persons')
    .values({ ...sealNames({ given_names: one.givenNames, family_names: one.familyNames, aliases: [] }), sex: sexOf(one.sex), birth_date: one.birthDate ?? null, birth_year: one.birthYear ?? null, citizenships: [], protected_identity: false, created_by_org: null, estimated_age: null, estimated_age_on: null })
    .execute();
  t = performance.now();
  await personIndexFor(db);
  console.log(`\nincremental refresh after one new person: ${(performance.now() - t).toFixed(2)} ms`);
} finally {
  await database.close();
}
