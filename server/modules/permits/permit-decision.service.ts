// The Migration Agency's decision on a permit application, extensions of a granted permit, and
// withdrawal of a pending application. Each command locks the permit row, checks its version and
// writes the change, a case timeline event and an audit event in one transaction.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { NotFoundError, RuleError, ValidationError, VersionConflictError } from '../../http/errors.js';
import { canOnPermits, type PermitAction } from '../../policies/permit.policy.js';
import { reflectionValidUntil } from '../../../domain/process/permits.js';
import type { CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { onCaseRecord } from './case-record.js';
import { FieldChecks } from './field-checks.js';
import { extensionsOf, lockPermit, type PermitRow } from './permit.repository.js';
import { permitView } from './permit.service.js';
import type { PermitView } from './permit.presenter.js';
import type { DecidePermitInput, ExtendPermitInput, WithdrawPermitInput } from './permit.schema.js';

const FORBIDDEN: Record<'decide' | 'extend' | 'withdraw', string> = {
  decide: "Only the region's coordinator or the Migration Agency records a permit decision",
  extend: "Only the region's coordinator or the Migration Agency records an extension",
  withdraw: "Only the region's coordinator or the applicant organisation withdraws an application",
};

/** Loads the permit (locked, version checked) on its case and runs `work` in the case's transaction. */
async function onPermit(
  db: Kysely<DB>,
  actor: Actor,
  permitId: string,
  action: 'decide' | 'extend' | 'withdraw',
  auditAction: AuditAction,
  version: number,
  work: (ctx: CaseContext, p: PermitRow) => Promise<void>,
): Promise<PermitView> {
  let applicantOrgId: string | undefined;
  return onCaseRecord(
    db,
    actor,
    {
      what: 'permit',
      id: permitId,
      caseIdOf: async (q) => {
        const r = await q.selectFrom('permit_applications').select(['case_id', 'applicant_org_id']).where('id', '=', permitId).executeTakeFirst();
        applicantOrgId = r?.applicant_org_id;
        return r?.case_id;
      },
    },
    { auditAction, allowed: (ctx) => canOnPermits(ctx, action satisfies PermitAction, applicantOrgId), forbiddenMessage: FORBIDDEN[action] },
    async (ctx) => {
      const p = await lockPermit(ctx.trx, permitId, ctx.row.id);
      if (!p) throw new NotFoundError('permit');
      if (p.version !== version) throw new VersionConflictError('permit');
      await work(ctx, p);
      return permitView(ctx.trx, permitId);
    },
  );
}

async function audit(ctx: CaseContext, action: AuditAction, kind: string, p: PermitRow, before: Record<string, unknown>, after: Record<string, unknown>) {
  await addCaseEvent(ctx.trx, ctx.actor, ctx.row.id, kind, { permitId: p.id, kind: p.kind, ...after });
  await recordAudit(ctx.trx, ctx.actor, {
    action,
    resourceType: 'case',
    resourceId: ctx.row.id,
    caseId: ctx.row.id,
    personId: ctx.row.person_id,
    details: { permitId: p.id, before, after },
  });
}

function validity(p: PermitRow, input: DecidePermitInput): { from: string | null; until: string | null } {
  const issues = new FieldChecks().notFuture('decidedOn', input.decidedOn).notBefore('decidedOn', input.decidedOn, p.submitted_on, 'the submission date');
  let from: string | null = null;
  let until: string | null = null;
  if (input.decision === 'refused') {
    if (input.validFrom) issues.add('validFrom', 'a refused permit has no period of validity');
    if (input.validUntil) issues.add('validUntil', 'a refused permit has no period of validity');
  } else if (p.kind === 'reflection') {
    const why = 'not given for a reflection period: it runs 30 days from the decision';
    if (input.validFrom) issues.add('validFrom', why);
    if (input.validUntil) issues.add('validUntil', why);
    from = input.decidedOn;
    until = reflectionValidUntil(input.decidedOn);
  } else {
    if (!input.validFrom) issues.add('validFrom', 'required when a witness permit is granted');
    if (!input.validUntil) issues.add('validUntil', 'required when a witness permit is granted');
    issues.notBefore('validFrom', input.validFrom, p.submitted_on, 'the submission date').after('validUntil', input.validUntil, input.validFrom, 'validFrom');
    from = input.validFrom ?? null;
    until = input.validUntil ?? null;
  }
  if (!issues.ok) throw new ValidationError('The decision has invalid fields', issues.issues);
  return { from, until };
}

export async function decidePermit(db: Kysely<DB>, actor: Actor, permitId: string, input: DecidePermitInput): Promise<PermitView> {
  return onPermit(db, actor, permitId, 'decide', 'permit.decide', input.version, async (ctx, p) => {
    if (p.decision !== 'pending') throw new RuleError('permit_not_pending', `The application is already ${p.decision}; only a pending application is decided`);
    const { from, until } = validity(p, input);
    await ctx.trx
      .updateTable('permit_applications')
      .set({ decision: input.decision, decided_on: input.decidedOn, valid_from: from, valid_until: until, version: p.version + 1 })
      .where('id', '=', p.id)
      .execute();
    await audit(ctx, 'permit.decide', 'permit_decided', p, { decision: p.decision }, { decision: input.decision, decidedOn: input.decidedOn, validFrom: from, validUntil: until });
  });
}

export async function extendPermit(db: Kysely<DB>, actor: Actor, permitId: string, input: ExtendPermitInput): Promise<PermitView> {
  return onPermit(db, actor, permitId, 'extend', 'permit.extend', input.version, async (ctx, p) => {
    if (p.decision !== 'granted') throw new RuleError('permit_not_granted', `The application is ${p.decision}; only a granted permit is extended`);
    const previous = await extensionsOf(ctx.trx, [p.id]);
    const last = previous.at(-1);
    const issues = new FieldChecks()
      .notFuture('decidedOn', input.decidedOn)
      .notBefore('decidedOn', input.decidedOn, p.decided_on, 'the original decision')
      .notBefore('decidedOn', input.decidedOn, last?.decided_on, 'the previous extension')
      .after('validUntil', input.validUntil, p.valid_until, 'the current end of validity');
    if (!issues.ok) throw new ValidationError('The extension has invalid fields', issues.issues);
    await ctx.trx.insertInto('permit_extensions').values({ application_id: p.id, decided_on: input.decidedOn, valid_until: input.validUntil, created_by: ctx.actor.userId }).execute();
    await ctx.trx.updateTable('permit_applications').set({ valid_until: input.validUntil, version: p.version + 1 }).where('id', '=', p.id).execute();
    await audit(ctx, 'permit.extend', 'permit_extended', p, { validUntil: p.valid_until }, { decidedOn: input.decidedOn, validUntil: input.validUntil });
  });
}

export async function withdrawPermit(db: Kysely<DB>, actor: Actor, permitId: string, input: WithdrawPermitInput): Promise<PermitView> {
  return onPermit(db, actor, permitId, 'withdraw', 'permit.withdraw', input.version, async (ctx, p) => {
    // A granted permit stays in the statistics; only an undecided application can be withdrawn.
    if (p.decision !== 'pending') throw new RuleError('permit_not_pending', `The application is already ${p.decision}; only a pending application is withdrawn`);
    const issues = new FieldChecks().notFuture('withdrawnOn', input.withdrawnOn).notBefore('withdrawnOn', input.withdrawnOn, p.submitted_on, 'the submission date');
    if (!issues.ok) throw new ValidationError('The withdrawal has invalid fields', issues.issues);
    await ctx.trx.updateTable('permit_applications').set({ decision: 'withdrawn', withdrawn_on: input.withdrawnOn, version: p.version + 1 }).where('id', '=', p.id).execute();
    await audit(ctx, 'permit.withdraw', 'permit_withdrawn', p, { decision: p.decision }, { decision: 'withdrawn', withdrawnOn: input.withdrawnOn });
  });
}
