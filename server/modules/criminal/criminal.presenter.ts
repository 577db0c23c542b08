// Shapes police reports, and flags a case reported only under classifications that give the
// person no injured-party status (the victim then has no right to damages in the criminal case).
import { givesInjuredPartyStatus, lacksInjuredPartyStatus } from '../../../domain/process/criminal-process.js';
import type { PoliceReportRow } from './criminal.repository.js';

export function presentReport(r: PoliceReportRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    groupId: r.group_id,
    reportedOn: r.reported_on,
    classification: r.classification,
    givesInjuredPartyStatus: givesInjuredPartyStatus(r.classification),
    policeRef: r.police_ref,
    injuredParty: r.injured_party,
    prosecutionDecision: r.prosecution_decision,
    prosecutionDecidedOn: r.prosecution_decided_on,
    judgmentOutcome: r.judgment_outcome,
    judgmentOn: r.judgment_on,
    damagesAwardedSek: r.damages_awarded_sek,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export type PoliceReportView = ReturnType<typeof presentReport>;

export function criminalFlags(rows: readonly PoliceReportRow[]) {
  return { noInjuredPartyStatus: lacksInjuredPartyStatus(rows.map((r) => r.classification)) };
}
