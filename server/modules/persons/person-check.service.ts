// "Is this person already known?", asked by the referral form before saving. It never merges
// and never blocks the referral. A regional coordinator gets the evidence for the persons who
// have a case in the coordinator's region; everyone else, and every match outside that scope,
// gets only the neutral signal. The answer has the same keys, and takes the same time (the same
// lookup work, padded to a fixed minimum), whether or not a match exists, so neither its shape
// nor its timing says more than the signal. Protected identities never raise the signal and
// are never shown as evidence, not even to a coordinator of their region.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError } from '../../http/errors.js';
import { canOnPersons, coordinatorRegion, seesMatchEvidence } from '../../policies/person.policy.js';
import { personIndexFor } from './person-index.js';
import { evidenceOf, presentPerson, SIGNAL_MESSAGES } from './person.presenter.js';
import { casesInRegion, personRows } from './person.repository.js';
import { matchRecordOf } from './person-record.js';
import type { CheckPersonInput, CheckResult } from './person.schema.js';

/** Every answer takes at least this long, so a match cannot be told from none by timing. */
export const CHECK_MIN_MS = 150;
/** At most this many candidates are looked at (the best first). */
const LOOKUP_LIMIT = 20;

export async function padTo(started: number, minimumMs: number): Promise<void> {
  const rest = minimumMs - (performance.now() - started);
  if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
}

export async function checkPerson(db: Kysely<DB>, actor: Actor, input: CheckPersonInput): Promise<CheckResult> {
  if (!canOnPersons(actor, 'check')) throw new ForbiddenError('Only those who raise referrals may check for known persons');
  const started = performance.now();
  try {
    return await lookUp(db, actor, input);
  } finally {
    await padTo(started, CHECK_MIN_MS);
  }
}

async function lookUp(db: Kysely<DB>, actor: Actor, input: CheckPersonInput): Promise<CheckResult> {
  const index = await personIndexFor(db);
  // A protected identity is never revealed by matching, to anyone, named users included: its
  // hits are dropped before anything is decided, so the answer is as if it did not exist.
  const hits = index.lookup(matchRecordOf('registration', input), { limit: LOOKUP_LIMIT }).filter((h) => !h.protectedIdentity);
  const region = coordinatorRegion(actor);
  return db.transaction().execute(async (trx) => {
    // The same queries run for every actor and every outcome; only what is shown differs.
    const ids = hits.map((h) => h.personId);
    const cases = await casesInRegion(trx, ids, region);
    const rows = await personRows(trx, ids);
    const evidence = seesMatchEvidence(actor);
    const shown = hits.filter((h) => evidence && (cases.get(h.personId)?.length ?? 0) > 0 && rows.has(h.personId));
    const signal = shown.length > 0 || hits.some((h) => !h.protectedIdentity) ? 'possible_match' : 'none';
    const matches = shown.map((h) => ({
      personId: h.personId,
      probability: Number(h.score.probability.toFixed(4)),
      band: h.score.band === 'auto_flag' ? ('auto_flag' as const) : ('review' as const),
      evidence: evidenceOf(h.score.contributions),
      person: presentPerson(rows.get(h.personId)!, cases.get(h.personId) ?? []),
    }));
    await recordAudit(trx, actor, {
      action: 'person.match_check',
      resourceType: 'person',
      details: { signal, shownPersonIds: matches.map((m) => m.personId) },
    });
    return { signal, message: SIGNAL_MESSAGES[signal], matches };
  });
}
