// Data-subject access (GDPR art. 15): everything Lots holds about a person, across all their
// cases, with who read or changed it. Produced by the coordinator of a region that holds one of
// the person's cases (server/policies/access-report.policy.ts); the production is audited in
// the same transaction as the reads. Anyone else gets 404, audited as denied.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import { mayReportOn } from '../../policies/access-report.policy.js';
import { DEFAULT_RULES, loadRetentionConfig, type RetentionRule } from '../retention/retention.config.js';
import { auditEventsAboutPerson, casesOfPerson, organisationNames, personExists, personInReportScope, recordsOfCases } from './access-report.repository.js';
import { presentAccessReport } from './access-report.presenter.js';
import type { AccessReport } from './access-report.schema.js';

function retentionRules(): RetentionRule[] {
  try {
    return loadRetentionConfig().rules;
  } catch {
    return DEFAULT_RULES;
  }
}

export async function produceAccessReport(db: Kysely<DB>, actor: Actor, personId: string, opts: { format: 'json' | 'pdf'; lang: 'sv' | 'en' }): Promise<AccessReport> {
  const report = await db.transaction().execute(async (trx) => {
    const person = await personInReportScope(trx, actor, personId);
    if (!person) {
      const exists = await personExists(trx, personId);
      await recordAudit(trx, actor, {
        action: 'person.access_report',
        outcome: exists ? 'denied' : 'not_found',
        resourceType: 'person',
        resourceId: personId,
        personId: exists ? personId : null,
      });
      return null;
    }
    if (!mayReportOn({ protectedIdentity: person.protected_identity, identityVisible: person.identity_visible === true })) {
      await recordAudit(trx, actor, { action: 'person.access_report', outcome: 'denied', resourceType: 'person', resourceId: personId, personId, details: { refused: 'protected_identity' } });
      return 'protected' as const;
    }
    const cases = await casesOfPerson(trx, personId);
    const caseIds = cases.map((c) => c.id);
    const records = await recordsOfCases(trx, caseIds);
    const audit = await auditEventsAboutPerson(trx, personId, caseIds);
    const orgs = await organisationNames(trx);
    await recordAudit(trx, actor, {
      action: 'person.access_report',
      resourceType: 'person',
      resourceId: personId,
      personId,
      details: { format: opts.format, lang: opts.lang, cases: cases.map((c) => c.ref) },
    });
    return presentAccessReport({
      person,
      cases,
      records,
      audit,
      orgs,
      producedBy: { organisation: actor.organisationName ?? actor.username, region: actor.region },
      retention: retentionRules(),
    });
  });
  if (!report) throw new NotFoundError('person');
  if (report === 'protected') throw new ForbiddenError('Only a named user of this protected identity may produce its access report');
  return report;
}
