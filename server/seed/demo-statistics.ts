// The demo's statistics: historical case records 2021–2025 whose national tables are the
// published ones (domain/statistics/demo-history.ts), imported through the case interchange CSV
// exactly as an analyst's file would be; NSP, ÅMP and permit records for those persons giving the
// published programme tables (demo-programmes.ts); and municipal-survey figures (invented, marked
// DEMODATA in their source) so that indicators 1, 2 and 7 have values. Every person is invented
// and has no name. About 2,400 case rows: a second or two on PGlite.
import { swedishToday } from '../jobs/clock.js';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { systemActor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { DB } from '../db/schema.js';
import { importCases } from '../modules/statistics/case-import.service.js';
import { importSeries } from '../modules/statistics/series.service.js';
import { writeCaseFile } from '../../domain/statistics/case-csv.js';
import { demoHistoryRecords } from '../../domain/statistics/demo-history.js';
import { demoProgrammeRecords } from '../../domain/statistics/demo-programmes.js';

export interface DemoStatisticsResult {
  cases: number;
  nsp: number;
  amp: number;
  permits: number;
  extensions: number;
}

/** Invented municipal-survey figures (and the published 2023 response count) for indicators 1, 2 and 7. */
export async function seedDemoSurveySeries(db: Kysely<DB>): Promise<void> {
  const text = readFileSync(new URL('./demo-survey-series.csv', import.meta.url), 'utf8');
  const report = await importSeries(db, systemActor('seed-demo'), { source: text, dryRun: false });
  if (!report.ok) throw new Error(`demo survey series: ${report.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
}

export async function seedDemoStatistics(db: Kysely<DB>, opts: { today?: string } = {}): Promise<DemoStatisticsResult> {
  const today = opts.today ?? swedishToday();
  const system = systemActor('seed-demo');
  const records = demoHistoryRecords();
  const imported = await importCases(db, system, { source: writeCaseFile(records), dryRun: false, today });
  if (!imported.ok) throw new Error(`demo history: ${imported.errors.slice(0, 5).map((e) => `line ${e.line} ${e.column ?? ''}: ${e.message}`).join('; ')}`);
  const programmes = demoProgrammeRecords(records, today);

  return db.transaction().execute(async (trx) => {
    const cases = new Map(
      (await trx.selectFrom('cases').select(['id', 'external_ref', 'person_id', 'region']).where('imported', '=', true).where('external_ref', 'like', 'DEMO-%').execute()).map((c) => [c.external_ref!, c]),
    );
    const caseOf = (ref: string) => {
      const c = cases.get(ref);
      if (!c) throw new Error(`demo case ${ref} was not imported`);
      return c;
    };
    const orgs = await trx.selectFrom('organisations').select(['id', 'kind', 'region']).where('kind', 'in', ['prosecution', 'police', 'social_services']).orderBy('name').execute();
    const applicantOrg = (kind: string, region: string) => {
      const orgKind = kind === 'social_welfare_board' ? 'social_services' : kind;
      const org = orgs.find((o) => o.kind === orgKind && o.region === region) ?? orgs.find((o) => o.kind === orgKind);
      if (!org) throw new Error(`no ${orgKind} organisation for the demo permits`);
      return org.id;
    };

    if (programmes.nsp.length) {
      await trx
        .insertInto('nsp_enrolments')
        .values(programmes.nsp.map((n) => ({
          case_id: caseOf(n.caseRef).id, enrolled_on: n.enrolledOn, ended_on: n.endedOn, support_types: n.supportTypes,
          accompanying_children: n.accompanyingChildren, children_in_home_country: n.childrenInHomeCountry,
        })))
        .execute();
    }
    if (programmes.amp.length) {
      await trx
        .insertInto('amp_returns')
        .values(programmes.amp.map((a) => {
          const [f1, f2] = a.followups;
          return {
            case_id: caseOf(a.caseRef).id, applied_on: a.appliedOn, decision: 'approved', decided_on: a.decidedOn, return_country: a.returnCountry,
            accompanying_family: a.accompanyingFamily, accompanying_children: a.accompanyingChildren, returned_on: a.returnedOn,
            followup1_on: f1?.on ?? null, followup1_satisfaction: f1?.satisfaction ?? null, followup1_sustainable: f1?.sustainable ?? null,
            followup2_on: f2?.on ?? null, followup2_satisfaction: f2?.satisfaction ?? null, followup2_sustainable: f2?.sustainable ?? null,
          };
        }))
        .execute();
    }
    let extensions = 0;
    if (programmes.permits.length) {
      // Ids made here, so that each extension names its application without relying on row order.
      const ids = programmes.permits.map(() => randomUUID());
      await trx
        .insertInto('permit_applications')
        .values(programmes.permits.map((p, i) => {
          const c = caseOf(p.caseRef);
          return {
            id: ids[i]!, case_id: c.id, person_id: c.person_id, kind: p.kind, applicant_org_id: applicantOrg(p.applicantKind, c.region), applicant_kind: p.applicantKind,
            via_coordinator: p.viaCoordinator, submitted_on: p.submittedOn, decision: 'granted', decided_on: p.decidedOn, valid_from: p.validFrom, valid_until: p.validUntil,
          };
        }))
        .execute();
      const rows = programmes.permits.flatMap((p, i) => p.extensions.map((x) => ({ application_id: ids[i]!, decided_on: x.decidedOn, valid_until: x.validUntil })));
      extensions = rows.length;
      if (rows.length) await trx.insertInto('permit_extensions').values(rows).execute();
    }
    const result = { cases: records.length, nsp: programmes.nsp.length, amp: programmes.amp.length, permits: programmes.permits.length, extensions };
    await recordAudit(trx, system, { action: 'demo.seed', resourceType: 'system', resourceId: 'demo:statistics', details: { ...result, importSha256: imported.sha256 } });
    return result;
  });
}
