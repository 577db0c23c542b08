// The criminal process on a case: police reports, the prosecution decision, the judgment and
// damages. Dates must follow each other (report → decision → judgment) and a judgment needs a
// prosecution; every refusal names the field.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../http/errors.js';
import { canOnCriminal, criminalAbilities, type CriminalAction } from '../../policies/criminal.policy.js';
import { givesInjuredPartyStatus } from '../../../domain/process/criminal-process.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { onCaseRecord } from '../permits/case-record.js';
import { FieldChecks } from '../permits/field-checks.js';
import { findReport, lockReport, reportCaseId, reportsOfCase, type PoliceReportRow } from './criminal.repository.js';
import { criminalFlags, presentReport, type PoliceReportView } from './criminal.presenter.js';
import type { RecordPoliceReportInput, UpdatePoliceReportInput } from './criminal.schema.js';
import { seal } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';

/** Records a police report on an already-loaded case (bulk use: a group's reports). */
export async function recordPoliceReportOnCase(ctx: CaseContext, input: RecordPoliceReportInput & { groupId?: string | null }): Promise<PoliceReportView> {
  const { trx, actor, row } = ctx;
  if (!canOnCriminal(ctx, 'report')) throw new ForbiddenError("Only the region's coordinator or the police record a police report");
  // A report may precede the referral (the police often find the person first), never today.
  const issues = new FieldChecks().notFuture('reportedOn', input.reportedOn);
  if (!issues.ok) throw new ValidationError('The police report has invalid fields', issues.issues);
  const injuredParty = input.injuredParty ?? givesInjuredPartyStatus(input.classification);
  const inserted = await trx
    .insertInto('police_reports')
    .values({
      case_id: row.id,
      group_id: input.groupId ?? null,
      reported_on: input.reportedOn,
      classification: input.classification,
      police_ref: seal(FIELD.policeRef, input.policeRef),
      injured_party: injuredParty,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = { reportId: inserted.id, reportedOn: input.reportedOn, classification: input.classification, injuredParty };
  await addCaseEvent(trx, actor, row.id, 'police_report_recorded', after);
  await recordAudit(trx, actor, {
    action: 'police_report.record',
    resourceType: 'case',
    resourceId: row.id,
    caseId: row.id,
    personId: row.person_id,
    details: { before: null, after: { ...after, policeRef: input.policeRef ? '[recorded]' : '' } },
  });
  return presentReport((await findReport(trx, inserted.id))!);
}

export async function recordPoliceReport(db: Kysely<DB>, actor: Actor, caseId: string, input: RecordPoliceReportInput): Promise<PoliceReportView> {
  return onCase(
    db,
    actor,
    caseId,
    { auditAction: 'police_report.record', allowed: (ctx) => canOnCriminal(ctx, 'report'), forbiddenMessage: "Only the region's coordinator or the police record a police report" },
    (ctx) => recordPoliceReportOnCase(ctx, input),
  );
}

const FIELD_ACTION: Record<Exclude<keyof UpdatePoliceReportInput, 'version'>, CriminalAction> = {
  classification: 'updateReport',
  policeRef: 'updateReport',
  injuredParty: 'recordInjuredParty',
  prosecutionDecision: 'recordProsecution',
  prosecutionDecidedOn: 'recordProsecution',
  judgmentOutcome: 'recordProsecution',
  judgmentOn: 'recordProsecution',
  damagesAwardedSek: 'recordProsecution',
};

const FIELD_COLUMN = {
  classification: 'classification',
  policeRef: 'police_ref',
  injuredParty: 'injured_party',
  prosecutionDecision: 'prosecution_decision',
  prosecutionDecidedOn: 'prosecution_decided_on',
  judgmentOutcome: 'judgment_outcome',
  judgmentOn: 'judgment_on',
  damagesAwardedSek: 'damages_awarded_sek',
} as const satisfies Record<keyof typeof FIELD_ACTION, keyof ReturnType<typeof merged>>;

function changedFields(input: UpdatePoliceReportInput) {
  return (Object.keys(FIELD_ACTION) as (keyof typeof FIELD_ACTION)[]).filter((k) => input[k] !== undefined);
}

function merged(r: PoliceReportRow, input: UpdatePoliceReportInput) {
  const pick = <T>(v: T | undefined, current: T): T => (v === undefined ? current : v);
  return {
    classification: pick(input.classification, r.classification),
    police_ref: pick(input.policeRef, r.police_ref),
    injured_party: pick(input.injuredParty, r.injured_party),
    prosecution_decision: pick(input.prosecutionDecision, r.prosecution_decision),
    prosecution_decided_on: pick(input.prosecutionDecidedOn, r.prosecution_decided_on),
    judgment_outcome: pick(input.judgmentOutcome, r.judgment_outcome),
    judgment_on: pick(input.judgmentOn, r.judgment_on),
    damages_awarded_sek: pick(input.damagesAwardedSek, r.damages_awarded_sek),
  };
}

function checkOrder(reportedOn: string, n: ReturnType<typeof merged>): void {
  const issues = new FieldChecks()
    .notFuture('prosecutionDecidedOn', n.prosecution_decided_on)
    .notBefore('prosecutionDecidedOn', n.prosecution_decided_on, reportedOn, 'the report date')
    .notFuture('judgmentOn', n.judgment_on)
    .notBefore('judgmentOn', n.judgment_on, n.prosecution_decided_on, 'the prosecution decision');
  const decided = n.prosecution_decision !== 'pending';
  if (decided && !n.prosecution_decided_on) issues.add('prosecutionDecidedOn', 'required once a prosecution decision is recorded');
  if (!decided && n.prosecution_decided_on) issues.add('prosecutionDecidedOn', 'only with a prosecution decision');
  if (n.judgment_outcome && n.prosecution_decision !== 'prosecuted') issues.add('judgmentOutcome', 'a judgment needs the prosecution decision "prosecuted"');
  else if (n.judgment_on && n.prosecution_decision !== 'prosecuted') issues.add('judgmentOn', 'a judgment needs the prosecution decision "prosecuted"');
  if (n.judgment_outcome && !n.judgment_on) issues.add('judgmentOn', 'required with a judgment outcome');
  if (n.judgment_on && !n.judgment_outcome) issues.add('judgmentOutcome', 'required with a judgment date');
  if (n.damages_awarded_sek !== null) {
    if (!n.judgment_outcome) issues.add('damagesAwardedSek', 'damages need a judgment');
    else if (n.judgment_outcome === 'acquitted') issues.add('damagesAwardedSek', 'no damages are awarded on an acquittal');
    else if (!n.injured_party) issues.add('damagesAwardedSek', 'only an injured party is awarded damages');
  }
  if (!issues.ok) throw new ValidationError('The police report has invalid fields', issues.issues);
}

export async function updatePoliceReport(db: Kysely<DB>, actor: Actor, reportId: string, input: UpdatePoliceReportInput): Promise<PoliceReportView> {
  const fields = changedFields(input);
  if (fields.length === 0) throw new ValidationError('Nothing to change', [{ path: 'body', message: 'name at least one field to change' }]);
  return onCaseRecord(
    db,
    actor,
    { what: 'police report', id: reportId, caseIdOf: (q) => reportCaseId(q, reportId) },
    {
      auditAction: 'police_report.update',
      allowed: (ctx) => fields.every((f) => canOnCriminal(ctx, FIELD_ACTION[f])),
      forbiddenMessage: `You may not change ${fields.join(', ')}: the police record reports, the prosecution its decisions and the judgment`,
    },
    async (ctx) => {
      const r = await lockReport(ctx.trx, reportId, ctx.row.id);
      if (!r) throw new NotFoundError('police report');
      if (r.version !== input.version) throw new VersionConflictError('police report');
      const next = merged(r, input);
      checkOrder(r.reported_on, next);
      await ctx.trx.updateTable('police_reports').set({ ...next, police_ref: seal(FIELD.policeRef, next.police_ref), version: r.version + 1 }).where('id', '=', r.id).execute();
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const f of fields) {
        const col = FIELD_COLUMN[f];
        before[f] = f === 'policeRef' ? '[redacted]' : r[col];
        after[f] = f === 'policeRef' ? '[changed]' : next[col];
      }
      await addCaseEvent(ctx.trx, ctx.actor, ctx.row.id, 'police_report_updated', { reportId: r.id, fields });
      await recordAudit(ctx.trx, ctx.actor, {
        action: 'police_report.update',
        resourceType: 'case',
        resourceId: ctx.row.id,
        caseId: ctx.row.id,
        personId: ctx.row.person_id,
        details: { reportId: r.id, before, after },
      });
      return presentReport((await findReport(ctx.trx, r.id))!);
    },
  );
}

export async function getCriminalProcess(db: Kysely<DB>, actor: Actor, caseId: string) {
  return onCase(db, actor, caseId, { auditAction: 'case.read', auditRead: { section: 'criminal' }, allowed: (ctx) => canOnCriminal(ctx, 'read') }, async (ctx) => {
    const rows = await reportsOfCase(ctx.trx, caseId);
    return { reports: rows.map(presentReport), flags: criminalFlags(rows), abilities: criminalAbilities(ctx) };
  });
}
