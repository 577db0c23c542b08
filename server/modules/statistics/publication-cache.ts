// Disclosure control is a pure function of a year's model (its cells, costs, hidden and protected
// cells and relations) but costs hundreds of milliseconds for a year of small regional counts: the
// suppression is searched and every hidden cell's interval is audited by LP. The dashboard asks
// for the same published years again and again, so the result is remembered per fingerprint of
// the model (SHA-256 over everything suppress() reads). A change in any count changes the
// fingerprint; nothing is ever served for a model it was not computed for.
import { createHash } from 'node:crypto';
import { suppress, type Publication } from '../../../domain/statistics/disclosure.js';
import type { StatModel } from '../../../domain/statistics/model.js';

const MAX_ENTRIES = 64;
const cache = new Map<string, Publication>();

export function modelFingerprint(model: StatModel): string {
  const h = createHash('sha256');
  h.update(`year ${model.year}\n`);
  for (const [k, v] of [...model.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${k}=${v};${model.cost.get(k) ?? ''}\n`);
  h.update(`hidden ${[...model.hidden].sort().join(',')}\n`);
  h.update(`protect ${[...model.protect].sort().join(',')}\n`);
  for (const r of model.relations) h.update(`${r.op} ${r.terms.map(([k, c]) => `${c}*${k}`).join(' ')}\n`);
  return h.digest('hex');
}

/** suppress(model), remembered for the most recent models (least recently used dropped first). */
export function publicationOf(model: StatModel): Publication {
  const key = modelFingerprint(model);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const publication = suppress(model);
  cache.set(key, publication);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return publication;
}
