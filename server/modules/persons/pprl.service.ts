// Privacy-preserving linkage for organisations that may not see each other's names: the
// partner encodes its records with the shared secret (keyed CLK Bloom filters) and sends only
// the encodings. Each is compared by Dice with the encodings of the persons held here; the
// answer per record is the neutral signal, and Dice scores only for a regional coordinator and
// only for persons with a case in the coordinator's region. Same keys and padded timing for
// every answer, as for the registration-time check. The threat model is in docs/persons.md.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, ValidationError, type FieldIssue } from '../../http/errors.js';
import { canOnPersons, coordinatorRegion, seesMatchEvidence } from '../../policies/person.policy.js';
import { padTo } from './person-check.service.js';
import { SIGNAL_MESSAGES } from './person.presenter.js';
import { casesInRegion } from './person.repository.js';
import { CLK_BYTES, type PprlMatchInput, type PprlResult } from './pprl.schema.js';
import { requirePprlSecret } from './pprl-secret.js';
import { pprlStoreFor } from './pprl-store.js';

/**
 * Dice thresholds for unhardened 1024-bit CLKs, from the benchmark's calibration on synthetic
 * data (bench/matching/methods.ts DICE_BANDS.none): review where about 60 % of offered pairs
 * are duplicates, auto-flag where more than 90 % are.
 */
export const PPRL_BANDS = { review: 0.76, autoFlag: 0.84 } as const;
const PPRL_MIN_MS = 150;
const MAX_MATCHES_PER_RECORD = 10;

/** A filter from its base64 form: bit p is bit (p mod 8) of byte p div 8. */
export function decodeClk(text: string): Uint32Array | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== CLK_BYTES) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: CLK_BYTES / 4 }, (_, i) => view.getUint32(i * 4, true));
}

export function encodeClk(filter: Uint32Array): string {
  const bytes = Buffer.alloc(filter.length * 4);
  filter.forEach((word, i) => bytes.writeUInt32LE(word, i * 4));
  return bytes.toString('base64');
}

export async function matchEncodings(db: Kysely<DB>, actor: Actor, input: PprlMatchInput): Promise<PprlResult> {
  if (!canOnPersons(actor, 'pprl')) throw new ForbiddenError('Your role does not take part in privacy-preserving matching');
  const issues: FieldIssue[] = [];
  const filters = input.records.map((r, i) => {
    const f = decodeClk(r.clk);
    if (f === null) issues.push({ path: `records.${i}.clk`, message: `must be ${CLK_BYTES} bytes (1024 bits) in base64` });
    return f;
  });
  if (issues.length > 0) throw new ValidationError('Some encodings are malformed', issues);
  const secret = requirePprlSecret();
  const started = performance.now();
  try {
    const store = await pprlStoreFor(db, secret);
    // A protected identity is never a match, for anyone (docs/security.md, "Protected identity").
    const hits = filters.map((f) => store.compare(f as Uint32Array, PPRL_BANDS.review).filter((h) => !h.protectedIdentity));
    return await db.transaction().execute(async (trx) => {
      const ids = [...new Set(hits.flatMap((h) => h.slice(0, MAX_MATCHES_PER_RECORD).map((x) => x.personId)))];
      const cases = await casesInRegion(trx, ids, coordinatorRegion(actor));
      const evidence = seesMatchEvidence(actor);
      const results = input.records.map((r, i) => {
        const found = hits[i] ?? [];
        const shown = evidence ? found.slice(0, MAX_MATCHES_PER_RECORD).filter((h) => (cases.get(h.personId)?.length ?? 0) > 0) : [];
        const signal = shown.length > 0 || found.some((h) => !h.protectedIdentity) ? ('possible_match' as const) : ('none' as const);
        return {
          ref: r.ref,
          signal,
          message: SIGNAL_MESSAGES[signal],
          matches: shown.map((h) => ({
            personId: h.personId,
            dice: Number(h.dice.toFixed(4)),
            band: h.dice >= PPRL_BANDS.autoFlag ? ('auto_flag' as const) : ('review' as const),
            cases: cases.get(h.personId) ?? [],
          })),
        };
      });
      await recordAudit(trx, actor, {
        action: 'person.pprl_match',
        resourceType: 'person',
        details: {
          records: results.length,
          possibleMatches: results.filter((r) => r.signal === 'possible_match').length,
          shownPersonIds: [...new Set(results.flatMap((r) => r.matches.map((m) => m.personId)))],
        },
      });
      return { results };
    });
  } finally {
    await padTo(started, PPRL_MIN_MS);
  }
}
