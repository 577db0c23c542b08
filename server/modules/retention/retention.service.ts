// Retention and erasure (gallring): plan which cases the rules make due, and erase them. Each
// case is erased in its own transaction with its audit event, so a run interrupted half-way
// leaves every case either untouched or fully erased, and the next run picks up the rest.
// The audit trail itself holds no names or free text (writes record '[changed]'), so it stays.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { cutoffDate, type RetentionConfig, type RetentionRule } from './retention.config.js';
import {
  allCasesErased,
  eraseCaseData,
  eraseFinishedGroups,
  eraseMatchingTraces,
  erasePersonIdentity,
  findDueCases,
  lockUnerasedCase,
  type DueCase,
} from './retention.repository.js';

export interface RulePlan {
  rule: RetentionRule;
  /** Cases whose anchor date is on or before this date are due. */
  cutoff: string;
  cases: DueCase[];
}

export interface RetentionPlan {
  today: string;
  source: string;
  rules: RulePlan[];
}

export interface RetentionReport {
  today: string;
  dryRun: boolean;
  source: string;
  rules: { id: string; applies: string; years: number; cutoff: string; count: number; refs: string[] }[];
  casesErased: number;
  personsErased: number;
  groupsErased: number;
}

/** Which cases each rule makes due on `today`; a case belongs to the first rule that selects it. */
export async function planRetention(db: Kysely<DB>, config: RetentionConfig, today: string): Promise<RetentionPlan> {
  const taken = new Set<string>();
  const rules: RulePlan[] = [];
  for (const rule of config.rules) {
    const cutoff = cutoffDate(today, rule.years);
    const due = (await findDueCases(db, rule.applies, cutoff)).filter((c) => !taken.has(c.id));
    for (const c of due) taken.add(c.id);
    rules.push({ rule, cutoff, cases: due });
  }
  return { today, source: config.source, rules };
}

async function eraseOne(db: Kysely<DB>, actor: Actor, c: DueCase, rule: RetentionRule): Promise<{ erased: boolean; person: boolean; groups: number }> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockUnerasedCase(trx, c.id))) return { erased: false, person: false, groups: 0 };
    const erased = await eraseCaseData(trx, c.id, rule.id);
    const groups = await eraseFinishedGroups(trx, c.id);
    await recordAudit(trx, actor, {
      action: 'retention.erase_case',
      resourceType: 'case',
      resourceId: c.id,
      caseId: c.id,
      personId: c.person_id,
      details: { rule: rule.id, ref: c.ref, anchor: c.anchor, erased, groupsErased: groups },
    });
    let person = false;
    if (await allCasesErased(trx, c.person_id)) {
      person = await erasePersonIdentity(trx, c.person_id);
      if (person) {
        const matchingTraces = await eraseMatchingTraces(trx, c.person_id);
        await recordAudit(trx, actor, {
          action: 'retention.erase_person',
          resourceType: 'person',
          resourceId: c.person_id,
          personId: c.person_id,
          details: { after: { identity: '[erased]', kept: ['sex', 'birthYear', 'estimatedAge', 'firstCitizenship'] }, lastCase: c.ref, matchingTraces },
        });
      }
    }
    return { erased: true, person, groups: groups.length };
  });
}

/**
 * Plans and (unless dryRun) erases. The run itself is audited with its counts per rule, dry
 * runs included: listing case references is an act on the register too.
 */
export async function runRetention(
  db: Kysely<DB>,
  actor: Actor,
  opts: { config: RetentionConfig; today: string; dryRun: boolean; onProgress?: (done: number, total: number) => void },
): Promise<RetentionReport> {
  const plan = await planRetention(db, opts.config, opts.today);
  const total = plan.rules.reduce((n, r) => n + r.cases.length, 0);
  let done = 0;
  let casesErased = 0;
  let personsErased = 0;
  let groupsErased = 0;
  if (!opts.dryRun) {
    for (const rp of plan.rules) {
      for (const c of rp.cases) {
        const r = await eraseOne(db, actor, c, rp.rule);
        if (r.erased) casesErased += 1;
        if (r.person) personsErased += 1;
        groupsErased += r.groups;
        opts.onProgress?.(++done, total);
      }
    }
  }
  const rules = plan.rules.map((rp) => ({
    id: rp.rule.id,
    applies: rp.rule.applies,
    years: rp.rule.years,
    cutoff: rp.cutoff,
    count: rp.cases.length,
    refs: rp.cases.map((c) => c.ref),
  }));
  await db.transaction().execute((trx) =>
    recordAudit(trx, actor, {
      action: 'retention.run',
      resourceType: 'system',
      details: {
        dryRun: opts.dryRun,
        today: opts.today,
        source: opts.config.source,
        rules: rules.map((r) => ({ id: r.id, years: r.years, cutoff: r.cutoff, count: r.count })),
        casesErased,
        personsErased,
        groupsErased,
      },
    }),
  );
  return { today: opts.today, dryRun: opts.dryRun, source: opts.config.source, rules, casesErased, personsErased, groupsErased };
}
