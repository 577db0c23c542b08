// Which model the persons register is scored with. The engine fits u-probabilities, name
// frequencies and the prior to the data (domain/matching/fit.ts); that needs a population. A
// young register (a new installation, a test, a small batch file) has too few records for that:
// a fit on ten records puts the prior near 1e-10 and nothing ever matches. Below FIT_MIN records
// the u- and m-values below are used instead: the engine's own fit to 100,000 invented persons of
// the benchmark generator (bench/matching/generate.ts, seed 21, today 2026-01-01; m by the EM
// sessions of domain/matching/prior-em.ts, estimated birth dates at the expert m), without name
// frequencies, and a prior from the register's size. Re-derive them when the engine's comparison
// levels or fitting change: `npx tsx bench/matching/reference-model.ts` prints them.
import { todayFrom, type Today } from '../../../domain/matching/birth-date.js';
import { fitModel } from '../../../domain/matching/fit.js';
import { modelFrom, type FieldName, type MatchModel } from '../../../domain/matching/model.js';
import { prepareAll, type PreparedRecord } from '../../../domain/matching/prepare.js';
import { TokenTable } from '../../../domain/matching/token-table.js';
import type { MatchRecord } from '../../../domain/matching/types.js';

/** Records needed before the model is fitted to the register itself. */
export const FIT_MIN_RECORDS = 2_000;

const REFERENCE_U: Readonly<Record<FieldName, readonly number[]>> = {
  given: [0.00253, 0.00884, 0.000841, 0.0016, 0.986189],
  family: [0.0008, 0.00278, 0.000525, 0.0015, 0.994395],
  birth: [0.0000957, 0.00157, 0.0178, 0.0766, 0.9039343],
  sex: [0.528, 0.472],
  citizenship: [0.15, 0.85],
  // The register holds no contacts or documents; these never weigh anything there.
  contact: [0.01, 0.99],
  document: [0.001, 0.999],
};
const REFERENCE_U_NAMES_AGREE: Partial<Record<FieldName, readonly number[]>> = { sex: [0.969, 0.031], citizenship: [0.305, 0.695] };
/** One estimated birth date against a known one, and two estimated dates. */
const REFERENCE_U_BIRTH_ESTIMATED = [0.0000153, 0.0000153, 0.0191, 0.0767, 0.9041694];
const REFERENCE_U_BIRTH_BOTH_ESTIMATED = [0.0000857, 0.0000857, 0.0191, 0.149, 0.8317286];
/** Birth dates of pairs that share a family name but not a given name (relatives, twins). */
const REFERENCE_U_BIRTH_FAMILY_ONLY = {
  trusted: [0.000454, 0.0013, 0.0189, 0.0772, 0.902146],
  estimated: [0.0000318, 0.0000318, 0.0189, 0.0771, 0.9039364],
  estimatedBoth: [0.000179, 0.000179, 0.0181, 0.159, 0.822542],
};
/** The names' alias level split by what the match rests on: spelling, a name left out, one typing slip, sound alone. */
const REFERENCE_U_ALIAS = { given: [0.00186, 0.00174, 0.00213, 0.00311], family: [0.000276, 0.000812, 0.000572, 0.00112] } as const;
const REFERENCE_M: Readonly<Record<FieldName, readonly number[]>> = {
  given: [0.699, 0.279, 0.00833, 0.00579, 0.00788],
  family: [0.666, 0.274, 0.0115, 0.0088, 0.0397],
  birth: [0.846, 0.0548, 0.0294, 0.0261, 0.0437],
  sex: [0.978, 0.022],
  citizenship: [0.978, 0.022],
  contact: [0.35, 0.65],
  document: [0.6, 0.4],
};
const REFERENCE_M_ALIAS = { given: [0.117, 0.0644, 0.088, 0.00983], family: [0.091, 0.0632, 0.107, 0.0125] } as const;

/**
 * The chance that two records drawn at random are the same person when about one record in ten
 * has a duplicate: 0.1·n duplicate pairs among n²/2 pairs, 0.2/n. Taken at no fewer than
 * FIT_MIN_RECORDS records (1e-4), so a tiny register is not more eager to match than a fitted
 * one: twins (same surname and date, other given name and sex) stay in the review band.
 */
export function referencePrior(size: number): number {
  return 0.2 / Math.max(FIT_MIN_RECORDS, size);
}

export function referenceModel(size: number): MatchModel {
  return modelFrom(REFERENCE_U, referencePrior(size), {
    m: REFERENCE_M,
    uWhenNamesAgree: REFERENCE_U_NAMES_AGREE,
    uBirthEstimated: REFERENCE_U_BIRTH_ESTIMATED,
    uBirthBothEstimated: REFERENCE_U_BIRTH_BOTH_ESTIMATED,
    uBirthWhenFamilyOnly: REFERENCE_U_BIRTH_FAMILY_ONLY,
    uAlias: REFERENCE_U_ALIAS,
    mAlias: REFERENCE_M_ALIAS,
  });
}

export interface PersonModel {
  model: MatchModel;
  table: TokenTable;
  prepared: PreparedRecord[];
  today: Today;
  fitted: boolean;
}

/** The model for these records, their token table and the records prepared with it. */
export function modelForRecords(records: readonly MatchRecord[], today: Today = todayFrom(new Date())): PersonModel {
  if (records.length >= FIT_MIN_RECORDS) {
    const { model, table, prepared } = fitModel(records, { today });
    return { model, table, prepared, today, fitted: true };
  }
  const table = new TokenTable();
  const prepared = prepareAll(records, table, { today });
  return { model: referenceModel(records.length), table, prepared, today, fitted: false };
}
