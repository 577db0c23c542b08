// The annual tables: counts from SQL → one StatModel per year (all tables, all regions) →
// disclosure control when published → the table asked for. The CLI, the API, the exports and
// the report all come through here.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, ValidationError } from '../../http/errors.js';
import { canViewTable, defaultInternalRegion } from '../../policies/statistics.policy.js';
import type { PoliceRegion } from '../../../domain/codelists/police-regions.js';
import type { StatDimension } from '../../../domain/statistics/dimensions.js';
import type { Publication } from '../../../domain/statistics/disclosure.js';
import { buildIdentifiedModel, isNationalOnly, type IdentifiedCounts } from '../../../domain/statistics/identified-model.js';
import { StatModel } from '../../../domain/statistics/model.js';
import { createHash } from 'node:crypto';
import { addProgrammeTables, type ProgrammeTable } from '../../../domain/statistics/programmes.js';
import { viewTable, type StatTable, type ViewSpec } from '../../../domain/statistics/table.js';
import { countriesOf, eurostatViews, identifiedView, programmeView } from '../../../domain/statistics/views.js';
import type { CountRow } from './statistics.repository.js';
import { identifiedCounts } from './statistics-cache.repository.js';
import { programmeCounts } from './programme.repository.js';
import { publicationOf } from './publication-cache.js';

export interface TableScope {
  from: number;
  to: number;
  region: PoliceRegion | null;
  publish: boolean;
}

export interface Snapshot {
  models: StatModel[];
  publications?: Publication[];
}

export const MAX_YEARS = 30;

function nested(rows: readonly CountRow[], year: number): Map<string, Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows) {
    if (r.y !== year) continue;
    const byDim = out.get(r.region) ?? new Map<string, Map<string, number>>();
    const byCode = byDim.get(r.dim) ?? new Map<string, number>();
    byCode.set(r.code, (byCode.get(r.code) ?? 0) + r.n);
    byDim.set(r.dim, byCode);
    out.set(r.region, byDim);
  }
  return out;
}

// Building and verifying the models costs milliseconds per year, and the dashboard asks for the
// same years again and again: a snapshot is remembered per SHA-256 of the counts it is built from
// (a change in any count is a different key; nothing is served for counts it was not built from).
// Snapshots are only read after they are built.
const SNAPSHOTS_KEPT = 32;
const snapshots = new Map<string, Snapshot>();

/** Every table of every year from..to; with `publish`, the disclosure-controlled pattern too. */
export async function loadSnapshot(db: Kysely<DB>, from: number, to: number, publish: boolean): Promise<Snapshot> {
  const identified = await identifiedCounts(db, from, to);
  const programmes = await programmeCounts(db, from, to);
  const key = createHash('sha256').update(JSON.stringify([from, to, publish, identified, programmes])).digest('hex');
  const kept = snapshots.get(key);
  if (kept) {
    snapshots.delete(key);
    snapshots.set(key, kept);
    return kept;
  }
  const snapshot = buildSnapshot(from, to, publish, identified, programmes);
  snapshots.set(key, snapshot);
  if (snapshots.size > SNAPSHOTS_KEPT) snapshots.delete(snapshots.keys().next().value!);
  return snapshot;
}

function buildSnapshot(from: number, to: number, publish: boolean, identified: readonly CountRow[], programmes: readonly CountRow[]): Snapshot {
  const models: StatModel[] = [];
  for (let year = from; year <= to; year++) {
    const byRegion = nested(identified, year);
    const unknownAge = new Map<string, number>();
    for (const [region, dims] of byRegion) unknownAge.set(region, dims.get('age_unknown')?.get('unknown') ?? 0);
    const counts: IdentifiedCounts = { year, byRegion, unknownAge };
    const model = buildIdentifiedModel(counts, new StatModel(year));
    addProgrammeTables(model, nested(programmes, year));
    model.verify();
    models.push(model);
  }
  return publish ? { models, publications: models.map(publicationOf) } : { models };
}

export function checkYears(from: number, to: number): void {
  if (from > to) throw new ValidationError('from must not be after to', [{ path: 'from', message: `${from} is after to (${to})` }]);
  if (to - from + 1 > MAX_YEARS) throw new ValidationError(`at most ${MAX_YEARS} years at a time`, [{ path: 'to', message: `at most ${MAX_YEARS} years from ${from}` }]);
}

/** Applies the policy (403 when not allowed) and fills in a coordinator's own region. */
export async function authorizeScope(db: Kysely<DB>, actor: Actor, scope: TableScope, what: string): Promise<TableScope> {
  checkYears(scope.from, scope.to);
  const region = scope.region ?? (scope.publish ? null : defaultInternalRegion(actor));
  const resolved = { ...scope, region };
  if (!canViewTable(actor, { published: scope.publish, region })) {
    throw new ForbiddenError(region ? 'You may see internal statistics only for your own region; ask for published tables (publish=true)' : 'Internal national statistics are for the national analyst; ask for published tables (publish=true)');
  }
  if (!scope.publish) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, { action: 'statistics.read', resourceType: 'system', resourceId: `statistics:${what}`, details: { table: what, from: scope.from, to: scope.to, region, published: false } }),
    );
  }
  return resolved;
}

export function tableFrom(spec: ViewSpec, snap: Snapshot): StatTable {
  return viewTable(spec, snap.models, snap.publications);
}

/** Citizenship, each form and sector are published for the nation only. */
export function refuseRegionalNationalOnly(by: StatDimension, scope: { region: string | null; publish: boolean }): void {
  if (scope.region && scope.publish && isNationalOnly(by)) {
    throw new ValidationError(`The ${by} table is published for the whole country only`, [{ path: 'querystring.region', message: `published ${by} tables have no regional breakdown; leave region out` }]);
  }
}

export async function getIdentifiedTable(db: Kysely<DB>, actor: Actor, by: StatDimension, input: TableScope): Promise<StatTable> {
  const scope = await authorizeScope(db, actor, input, `identified.${by}`);
  refuseRegionalNationalOnly(by, scope);
  const snap = await loadSnapshot(db, scope.from, scope.to, scope.publish);
  return tableFrom(identifiedView(by, scope.region, countriesOf(snap.models)), snap);
}

export async function getProgrammeTable(db: Kysely<DB>, actor: Actor, table: ProgrammeTable, input: TableScope): Promise<StatTable> {
  const scope = await authorizeScope(db, actor, input, table);
  const snap = await loadSnapshot(db, scope.from, scope.to, scope.publish);
  return tableFrom(programmeView(table, scope.region), snap);
}

/** Eurostat tables are always published (disclosure control applied), national only. */
export async function getEurostatTables(db: Kysely<DB>, actor: Actor, from: number, to: number): Promise<StatTable[]> {
  await authorizeScope(db, actor, { from, to, region: null, publish: true }, 'eurostat');
  const snap = await loadSnapshot(db, from, to, true);
  return eurostatViews(countriesOf(snap.models)).map((v) => tableFrom(v, snap));
}
