// Prints the values of the persons register's reference model (server/modules/persons/
// person-model.ts): the engine's own fit to 100,000 invented records of the benchmark generator
// (seed 21, today 2026-01-01), u from random pairs, m by the EM sessions, estimated birth dates
// at the expert m. Re-run and paste when the engine's comparison levels or fitting change:
// `npx tsx bench/matching/reference-model.ts`.

import { fitModel } from '../../domain/matching/fit';
import type { FieldName } from '../../domain/matching/model';
import { generateDataset } from './generate';

const data = generateDataset({ records: 100_000, seed: 21 });
const { model } = fitModel(
  data.map((l) => l.record),
  { today: { year: 2026, month: 1, day: 1 } },
);
const r = (x: number): number => Number(x.toPrecision(3));
/** Three significant digits; the last level takes the rest, so each list still sums to one. */
const list = (xs: readonly number[]): string => {
  const out = xs.map(r);
  const rest = out.slice(0, -1).reduce((a, b) => a + b, 0);
  if (out.length > 1) out[out.length - 1] = Number((1 - rest).toFixed(7));
  return `[${out.join(', ')}]`;
};
/** An alias split: three significant digits each (it sums to the alias level, not to one). */
const split = (xs: readonly number[]): string => `[${xs.map(r).join(', ')}]`;
const f = model.fields;
const fields: FieldName[] = ['given', 'family', 'birth', 'sex', 'citizenship'];
console.log('u:');
for (const name of fields) console.log(`  ${name}: ${list(f[name].u)},`);
console.log(`uWhenNamesAgree: sex ${list(f.sex.uWhenNamesAgree ?? [])}, citizenship ${list(f.citizenship.uWhenNamesAgree ?? [])}`);
console.log(`uBirthEstimated: ${list(f.birth.estimated?.u ?? [])}`);
console.log(`uBirthBothEstimated: ${list(f.birth.estimatedBoth?.u ?? [])}`);
const rel = f.birth.uWhenFamilyOnly;
if (rel !== undefined) console.log(`uBirthWhenFamilyOnly: trusted ${list(rel.trusted)}, estimated ${list(rel.estimated)}, estimatedBoth ${list(rel.estimatedBoth)}`);
console.log(`uAlias: given ${split(f.given.alias?.u ?? [])}, family ${split(f.family.alias?.u ?? [])}`);
console.log('m:');
for (const name of fields) console.log(`  ${name}: ${list(f[name].m)},`);
console.log(`mAlias: given ${split(f.given.alias?.m ?? [])}, family ${split(f.family.alias?.m ?? [])}`);
console.log(`(fitted prior ${model.prior.toExponential(3)})`);
