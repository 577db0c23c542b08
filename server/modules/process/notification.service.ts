// Anonymous and declined notifications (like the UK's duty to notify): a professional met a
// possible victim who would not be referred, or not by name. Only codes are kept, so the counts
// can show the hidden part of the picture without any person behind them.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, ValidationError, type FieldIssue } from '../../http/errors.js';
import { anonymousNotificationScope, canNotifyAnonymously } from '../../policies/process.policy.js';
import { municipalityByCode } from '../../../domain/reference/municipalities.js';
import { POLICE_REGIONS } from '../../../domain/codelists/police-regions.js';
import { FORM_TABLE_ROWS } from '../../../domain/codelists/exploitation-forms.js';
import { AGE_GROUPS, SEXES, SEX_AGE_TABLE_ROWS, sexAgeRow, type AgeGroup, type Sex } from '../../../domain/codelists/sex-age.js';
import { REFERRAL_SOURCES } from '../../../domain/codelists/referral-sources.js';
import { swedishToday } from '../../jobs/clock.js';
import { NOTIFICATION_REASONS, type AnonymousNotificationInput } from './notification.schema.js';

export async function notifyAnonymously(db: Kysely<DB>, actor: Actor, input: AnonymousNotificationInput) {
  if (!canNotifyAnonymously(actor)) throw new ForbiddenError('Only first responders and coordinators send notifications');
  const issues: FieldIssue[] = [];
  const municipality = municipalityByCode(input.municipalityCode);
  if (!municipality) issues.push({ path: 'municipalityCode', message: `unknown municipality code ${input.municipalityCode}` });
  if (input.notifiedOn > swedishToday()) issues.push({ path: 'notifiedOn', message: 'cannot be in the future' });
  if (issues.length > 0 || !municipality) throw new ValidationError('The notification has invalid fields', issues);

  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('anonymous_notifications')
      .values({
        organisation_id: actor.organisationId!,
        region: municipality.region,
        municipality_code: municipality.code,
        notified_on: input.notifiedOn,
        reason: input.reason,
        referral_source: input.referralSource,
        sex: input.sex,
        age_group: input.ageGroup,
        exploitation_forms: input.exploitationForms,
        citizenship: input.citizenship ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = {
      id: row.id,
      region: row.region,
      municipalityCode: row.municipality_code,
      notifiedOn: row.notified_on,
      reason: row.reason,
      referralSource: row.referral_source,
      sex: row.sex,
      ageGroup: row.age_group,
      exploitationForms: row.exploitation_forms,
      citizenship: row.citizenship,
    };
    const { id: _id, ...after } = view;
    await recordAudit(trx, actor, { action: 'notification.anonymous', resourceType: 'notification', resourceId: row.id, details: { after } });
    return view;
  });
}

/** The row of the form table a notification falls in: one form, `multiple`, or `not_reported`. */
function formRow(forms: readonly string[]): string {
  if (forms.length === 0) return 'not_reported';
  return forms.length === 1 ? forms[0]! : 'multiple';
}

function tally(codes: readonly string[], values: readonly string[]) {
  const counts = new Map(codes.map((c) => [c, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count }));
}

export async function countAnonymousNotifications(db: Kysely<DB>, actor: Actor, input: { year?: number }) {
  const scope = anonymousNotificationScope(actor);
  if (!scope) throw new ForbiddenError('Counts of anonymous notifications are for coordinators and national analysts');
  let q = db.selectFrom('anonymous_notifications').select(['region', 'notified_on', 'reason', 'referral_source', 'sex', 'age_group', 'exploitation_forms']);
  if (scope.region) q = q.where('region', '=', scope.region);
  if (input.year) q = q.where('notified_on', '>=', `${input.year}-01-01`).where('notified_on', '<=', `${input.year}-12-31`);
  const rows = await q.execute();

  const years = new Map<number, number>();
  for (const r of rows) {
    const y = Number(r.notified_on.slice(0, 4));
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  const sexAge = tally(
    SEX_AGE_TABLE_ROWS.map((r) => r.code),
    rows.map((r) => sexAgeRow(r.sex as Sex, r.age_group as AgeGroup)),
  );
  const sum = (codes: readonly string[]) => sexAge.filter((r) => codes.includes(r.code)).reduce((n, r) => n + r.count, 0);
  for (const r of sexAge) {
    if (r.code === 'adults') r.count = sum(['women', 'men', 'other_adult', 'unknown_adult']);
    if (r.code === 'children') r.count = sum(['girls', 'boys', 'other_child', 'unknown_child']);
    if (r.code === 'total') r.count = rows.length;
  }
  return {
    region: scope.region,
    year: input.year ?? null,
    total: rows.length,
    byYear: [...years].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count })),
    byRegion: tally(
      POLICE_REGIONS.map((r) => r.code).filter((c) => !scope.region || c === scope.region),
      rows.map((r) => r.region),
    ),
    byForm: tally(
      FORM_TABLE_ROWS.map((r) => r.code).filter((c) => c !== 'total'),
      rows.map((r) => formRow(r.exploitation_forms)),
    ),
    bySex: tally(SEXES.map((s) => s.code), rows.map((r) => r.sex)),
    byAgeGroup: tally(AGE_GROUPS.map((a) => a.code), rows.map((r) => r.age_group)),
    bySexAge: sexAge,
    byReason: tally(NOTIFICATION_REASONS, rows.map((r) => r.reason)),
    byReferralSource: tally(REFERRAL_SOURCES.map((s) => s.code), rows.map((r) => r.referral_source)),
  };
}
