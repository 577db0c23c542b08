// Who may see and produce statistics. Published tables (disclosure control applied) are safe for
// anyone signed in. Internal tables show true small counts: the national analyst sees every
// region, a regional coordinator only their own, nobody else any. Case-level imports and exports
// (the interchange CSV, HTCDS) and external series are the national analyst's. The CLI acts as
// the system and may do everything.
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { PoliceRegion } from '../../domain/codelists/police-regions.js';

export type StatisticsAction = 'importCases' | 'exportCases' | 'exportHtcds' | 'importSeries';

const isSystem = (actor: Actor) => actor.via === 'system';
const isAnalyst = (actor: Actor) => hasRole(actor, 'national_analyst');

function coordinatorRegion(actor: Actor): PoliceRegion | null {
  return hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' ? actor.region : null;
}

/** Regions whose internal (unsuppressed) tables the actor may see: 'all', one region, or none. */
export function internalScope(actor: Actor): 'all' | PoliceRegion | null {
  if (isSystem(actor) || isAnalyst(actor)) return 'all';
  return coordinatorRegion(actor);
}

/** May the actor see this table? region null = the whole country. */
export function canViewTable(actor: Actor, q: { published: boolean; region: string | null }): boolean {
  if (q.published) return true;
  const scope = internalScope(actor);
  if (scope === 'all') return true;
  return scope !== null && q.region === scope;
}

/** The region an internal table defaults to when none is asked for (a coordinator's own). */
export function defaultInternalRegion(actor: Actor): PoliceRegion | null {
  const scope = internalScope(actor);
  return scope === 'all' || scope === null ? null : scope;
}

export function canOnStatistics(actor: Actor, _action: StatisticsAction): boolean {
  return isSystem(actor) || isAnalyst(actor);
}

export interface StatisticsAbilities {
  viewPublished: boolean;
  /** 'all', a region code, or null */
  internal: 'all' | PoliceRegion | null;
  importCases: boolean;
  exportCases: boolean;
  exportHtcds: boolean;
  importSeries: boolean;
}

export function statisticsAbilities(actor: Actor): StatisticsAbilities {
  return {
    viewPublished: true,
    internal: internalScope(actor),
    importCases: canOnStatistics(actor, 'importCases'),
    exportCases: canOnStatistics(actor, 'exportCases'),
    exportHtcds: canOnStatistics(actor, 'exportHtcds'),
    importSeries: canOnStatistics(actor, 'importSeries'),
  };
}
