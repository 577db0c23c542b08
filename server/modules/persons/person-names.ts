// A person's direct identifiers as stored: given and family names and aliases sealed
// (server/crypto/field-cipher.ts), plus the blind index of their tokens for exact search. Every
// writer of persons goes through sealNames()/sealNameChanges(); every reader through openNames().
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { nameIndexOf } from '../../crypto/blind-index.js';
import { open, openList, seal, sealList, type Sealed } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface PlainNames {
  given_names: string;
  family_names: string;
  aliases: readonly string[];
}

export interface SealedNames {
  given_names: Sealed;
  family_names: Sealed;
  aliases: Sealed;
  name_index: string[];
}

export function sealNames(n: PlainNames): SealedNames {
  return {
    given_names: seal(FIELD.givenNames, n.given_names),
    family_names: seal(FIELD.familyNames, n.family_names),
    aliases: sealList(FIELD.aliases, n.aliases),
    name_index: nameIndexOf([n.given_names, n.family_names, ...n.aliases]),
  };
}

/**
 * A partial update of a person: the name columns present in `set` are sealed, and the index is
 * recomputed from the new names together with the `current` ones not being changed.
 */
export function sealNameChanges(set: Record<string, unknown>, current: PlainNames): Record<string, unknown> {
  const touched = ['given_names', 'family_names', 'aliases'].some((c) => set[c] !== undefined);
  if (!touched) return set;
  const next: PlainNames = {
    given_names: (set.given_names as string | undefined) ?? current.given_names,
    family_names: (set.family_names as string | undefined) ?? current.family_names,
    aliases: (set.aliases as string[] | undefined) ?? current.aliases,
  };
  const sealed = sealNames(next);
  const out: Record<string, unknown> = { ...set, name_index: sealed.name_index };
  if (set.given_names !== undefined) out.given_names = sealed.given_names;
  if (set.family_names !== undefined) out.family_names = sealed.family_names;
  if (set.aliases !== undefined) out.aliases = sealed.aliases;
  return out;
}

type NameColumns = 'given_names' | 'family_names' | 'aliases';
/** R with its name columns opened (aliases as a list). */
export type WithNames<R> = { [P in keyof R]: P extends 'aliases' ? string[] : P extends NameColumns ? string : R[P] };

/** Opens whichever name columns the row has. */
export function openNames<R extends object>(row: R): WithNames<R> {
  const r = row as Record<string, unknown>;
  const out: Record<string, unknown> = { ...r };
  if ('given_names' in r) out.given_names = open(FIELD.givenNames, r.given_names as Sealed);
  if ('family_names' in r) out.family_names = open(FIELD.familyNames, r.family_names as Sealed);
  if ('aliases' in r) out.aliases = openList(FIELD.aliases, r.aliases as Sealed);
  return out as WithNames<R>;
}

/** Recomputes a person's blind index from its stored names (after restoring columns from a snapshot). */
export async function refreshNameIndex(q: Q, personId: string): Promise<void> {
  const row = await q.selectFrom('persons').select(['given_names', 'family_names', 'aliases']).where('id', '=', personId).executeTakeFirst();
  if (!row) return;
  const n = openNames(row);
  await q
    .updateTable('persons')
    .set({ name_index: nameIndexOf([n.given_names, n.family_names, ...n.aliases]) })
    .where('id', '=', personId)
    .execute();
}
