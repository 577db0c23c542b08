// The kept person's values after a merge, from the two records and the reviewer's choices.
// Where the records do not conflict (equal, or one side empty) the value present is kept
// without asking; where they conflict and no choice was made, the kept person's value stays.
// Both persons' names survive: every full name not chosen becomes an alias.
import type { MergeInput } from './candidate.schema.js';

export interface MergeablePerson {
  given_names: string;
  family_names: string;
  aliases: string[];
  sex: string;
  birth_date: string | null;
  birth_year: number | null;
  estimated_age: number | null;
  estimated_age_on: string | null;
  citizenships: string[];
  protected_identity: boolean;
}

export type Side = 'a' | 'b';

export interface ResolvedChoices {
  givenNames: Side;
  familyNames: Side;
  birthDate: Side;
  sex: Side;
  citizenships: Side | 'union';
  aliases: 'union';
}

export const MERGED_COLUMNS = [
  'given_names',
  'family_names',
  'aliases',
  'sex',
  'birth_date',
  'birth_year',
  'estimated_age',
  'estimated_age_on',
  'citizenships',
  'protected_identity',
] as const;

const emptyOf: Record<'givenNames' | 'familyNames' | 'birthDate' | 'sex', (p: MergeablePerson) => boolean> = {
  givenNames: (p) => p.given_names.trim() === '',
  familyNames: (p) => p.family_names.trim() === '',
  birthDate: (p) => p.birth_date === null && p.birth_year === null && p.estimated_age === null,
  sex: (p) => p.sex === 'unknown',
};

function resolve(field: keyof typeof emptyOf, chosen: Side | undefined, kept: Side, a: MergeablePerson, b: MergeablePerson): Side {
  if (chosen !== undefined) return chosen;
  const aEmpty = emptyOf[field](a);
  const bEmpty = emptyOf[field](b);
  if (aEmpty !== bEmpty) return aEmpty ? 'b' : 'a';
  return kept;
}

const fullName = (p: Pick<MergeablePerson, 'given_names' | 'family_names'>) => `${p.given_names} ${p.family_names}`.replace(/\s+/g, ' ').trim();

function uniqueFolded(values: readonly string[], except: string): string[] {
  const seen = new Set([except.toLocaleLowerCase('sv')]);
  const out: string[] = [];
  for (const v of values) {
    const t = v.replace(/\s+/g, ' ').trim();
    const key = t.toLocaleLowerCase('sv');
    if (t === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

export function mergedValues(a: MergeablePerson, b: MergeablePerson, keep: MergeInput['keep'], fields: MergeInput['fields']): { values: MergeablePerson; choices: ResolvedChoices } {
  const kept: Side = keep === 'personA' ? 'a' : 'b';
  const choices: ResolvedChoices = {
    givenNames: resolve('givenNames', fields.givenNames, kept, a, b),
    familyNames: resolve('familyNames', fields.familyNames, kept, a, b),
    birthDate: resolve('birthDate', fields.birthDate, kept, a, b),
    sex: resolve('sex', fields.sex, kept, a, b),
    citizenships: fields.citizenships ?? 'union',
    aliases: 'union',
  };
  const from = (side: Side) => (side === 'a' ? a : b);
  const birth = from(choices.birthDate);
  const names = { given_names: from(choices.givenNames).given_names, family_names: from(choices.familyNames).family_names };
  const citizenships = choices.citizenships === 'union' ? [...new Set([...a.citizenships, ...b.citizenships])] : [...from(choices.citizenships).citizenships];
  return {
    choices,
    values: {
      ...names,
      aliases: uniqueFolded([...a.aliases, ...b.aliases, fullName(a), fullName(b)], fullName(names)),
      sex: from(choices.sex).sex,
      birth_date: birth.birth_date,
      birth_year: birth.birth_year,
      estimated_age: birth.estimated_age,
      estimated_age_on: birth.estimated_age_on,
      citizenships,
      // A protected identity stays protected whichever record it came from.
      protected_identity: a.protected_identity || b.protected_identity,
    },
  };
}
