// The coordinator's assessment: is there reason to assume trafficking (ch. 4 § 1a) or
// exploitation (§ 1b)? The child rule comes from the person's age on the assessment date, the
// legal elements from domain/process/legal-elements.ts. A new assessment supersedes the current
// one; earlier ones stay as history.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { RuleError, ValidationError, type FieldIssue } from '../../http/errors.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { canReadProcessDetails } from '../../policies/process.policy.js';
import { ageAt, CHILD_AGE_LIMIT } from '../../../domain/age.js';
import { checkElements, meansRequired } from '../../../domain/process/legal-elements.js';
import { swedishToday } from '../../jobs/clock.js';
import { assessmentsOf, currentAssessment, insertAssessment, processColumns, updateCaseAtVersion } from './process.repository.js';
import { presentAssessment, type AssessmentView, type ProcessView } from './process.presenter.js';
import { processViewOnCase, requireProcessRights, requireTransition, requireVersion, runOnCase } from './process.service.js';
import type { AssessmentInput } from './process.schema.js';

async function checkDates(ctx: CaseContext, input: AssessmentInput): Promise<void> {
  const issues: FieldIssue[] = [];
  const previous = await currentAssessment(ctx.trx, ctx.row.id);
  if (input.assessedOn < ctx.row.referred_on) {
    issues.push({ path: 'assessedOn', message: `cannot be before the referral date ${ctx.row.referred_on}` });
  } else if (previous && input.assessedOn < previous.assessed_on) {
    issues.push({ path: 'assessedOn', message: `cannot be before the assessment it replaces (${previous.assessed_on})` });
  }
  if (input.assessedOn > swedishToday()) issues.push({ path: 'assessedOn', message: 'cannot be in the future' });
  if (input.labourSector && !input.exploitationForms.includes('labour')) {
    issues.push({ path: 'labourSector', message: 'a sector is recorded only for labour exploitation' });
  }
  if (issues.length > 0) throw new ValidationError('The assessment has invalid fields', issues);
}

export async function assessOnCase(ctx: CaseContext, input: AssessmentInput): Promise<ProcessView> {
  requireProcessRights(ctx);
  requireVersion(ctx, input.version);
  await checkDates(ctx, input);
  const to = requireTransition(ctx, input.decision === 'reason_to_assume' ? 'decide_reason_to_assume' : 'decide_no_reason_to_assume');

  const r = ctx.row;
  const age = ageAt({ birthDate: r.birth_date, birthYear: r.birth_year, estimatedAge: r.estimated_age, estimatedAgeOn: r.estimated_age_on }, input.assessedOn);
  const isChild = age.years === null ? null : age.years < CHILD_AGE_LIMIT;
  const missing = checkElements({ ...input, isChild });
  if (missing.length > 0) {
    const named = [...new Set(missing.map((m) => m.path))].join(', ');
    throw new RuleError('legal_elements_missing', `A "reason to assume" decision lacks required elements: ${named}`, missing);
  }

  const before = await processColumns(ctx.trx, r.id);
  const labourSector = input.labourSector ?? null;
  const row = await insertAssessment(ctx.trx, {
    case_id: r.id,
    person_id: r.person_id,
    assessed_on: input.assessedOn,
    decision: input.decision,
    legal_basis: input.legalBasis,
    acts: input.acts,
    means: input.means,
    purposes: input.purposes,
    indicators: input.indicators,
    exploitation_forms: input.exploitationForms,
    labour_sector: labourSector,
    age_at_assessment: age.years,
    age_basis: age.basis,
    is_child: isChild,
    means_required: meansRequired(input.legalBasis, isChild),
    reasons: input.reasons,
    decider_user_id: ctx.actor.userId,
    decider_name: ctx.actor.displayName,
  });
  await updateCaseAtVersion(ctx.trx, r.id, input.version, {
    status: to,
    assessed_on: input.assessedOn,
    exploitation_forms: input.exploitationForms,
    labour_sector: labourSector,
  });
  await addCaseEvent(ctx.trx, ctx.actor, r.id, 'assessed', {
    assessmentId: row.id,
    decision: input.decision,
    legalBasis: input.legalBasis,
    assessedOn: input.assessedOn,
  });
  await recordAudit(ctx.trx, ctx.actor, {
    action: 'case.assess',
    resourceType: 'case',
    resourceId: r.id,
    caseId: r.id,
    personId: r.person_id,
    details: {
      before: { status: r.status, assessedOn: before.assessed_on, exploitationForms: before.exploitation_forms, labourSector: before.labour_sector },
      after: {
        status: to,
        assessmentId: row.id,
        decision: input.decision,
        legalBasis: input.legalBasis,
        assessedOn: input.assessedOn,
        exploitationForms: input.exploitationForms,
        labourSector,
        ageBasis: age.basis,
        isChild,
        reasons: '[text]',
      },
    },
  });
  return processViewOnCase(ctx);
}

export function assessCase(db: Kysely<DB>, actor: Actor, caseId: string, input: AssessmentInput): Promise<ProcessView> {
  return runOnCase(db, actor, caseId, 'case.assess', assessOnCase, input);
}

/** Every assessment of the case, newest first; the current one has `current: true`. */
export function listAssessments(db: Kysely<DB>, actor: Actor, caseId: string): Promise<{ items: AssessmentView[] }> {
  return onCase(
    db,
    actor,
    caseId,
    { auditAction: 'case.read', allowed: canReadProcessDetails, forbiddenMessage: 'Assessments are shown to the coordinator and to social services handling the case', auditRead: { section: 'assessments' } },
    async (ctx) => ({ items: (await assessmentsOf(ctx.trx, ctx.row.id)).map(presentAssessment) }),
  );
}
