// Case-level exports for the national analyst: the interchange CSV (the import's own format, so
// a round trip is lossless) and HTCDS v2.0. Persons with protected personal data are left out of
// both. Each export is audited with how many cases it carried.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError } from '../../http/errors.js';
import { canOnStatistics } from '../../policies/statistics.policy.js';
import type { PoliceRegion } from '../../../domain/codelists/police-regions.js';
import { writeCaseFile } from '../../../domain/statistics/case-csv.js';
import { htcdsCsv, type HtcdsCase } from '../../../domain/statistics/htcds.js';
import { exportableCases } from './case-records.repository.js';
import { htcdsCases } from './htcds.repository.js';

export async function exportCasesCsv(db: Kysely<DB>, actor: Actor, q: { region: PoliceRegion | null }): Promise<{ csv: string; count: number }> {
  if (!canOnStatistics(actor, 'exportCases')) throw new ForbiddenError('Only the national analyst exports case records');
  return db.transaction().execute(async (trx) => {
    const cases = await exportableCases(trx, q.region);
    await recordAudit(trx, actor, { action: 'statistics.export_cases', resourceType: 'system', resourceId: 'export:cases', details: { format: 'lots-case-csv', region: q.region, cases: cases.length } });
    return { csv: writeCaseFile(cases.map((c) => c.record)), count: cases.length };
  });
}

export async function exportHtcds(db: Kysely<DB>, actor: Actor, q: { from: number; to: number; region: PoliceRegion | null }): Promise<{ csv: string; count: number }> {
  if (!canOnStatistics(actor, 'exportHtcds')) throw new ForbiddenError('Only the national analyst exports HTCDS case data');
  return db.transaction().execute(async (trx) => {
    const cases: HtcdsCase[] = await htcdsCases(trx, q);
    await recordAudit(trx, actor, { action: 'statistics.export_htcds', resourceType: 'system', resourceId: 'export:htcds', details: { format: 'htcds-2.0', ...q, cases: cases.length } });
    return { csv: htcdsCsv(cases), count: cases.length };
  });
}
