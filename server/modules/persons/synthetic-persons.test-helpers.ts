// Invented persons for the tests of the person index and the duplicate search: deterministic by
// seed, about one in four registered twice, the copy often with a typo in the given name.
import type { PersonFacts, PersonMatchRow } from './person-record.js';

const SYLLABLES = ['an', 'ka', 'lin', 'mar', 'so', 'ri', 'ta', 'ne', 'vi', 'lo', 'ber', 'gu', 'sen', 'tho', 'ya', 'mi', 'dra', 'ko', 'el', 'pa'];

/** With `varied`, one in ten has an alias and one in ten only a birth year. */
export function syntheticPersons(count: number, seed: number, opts: { varied: boolean } = { varied: true }): PersonFacts[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const name = (parts: number) => {
    const s = Array.from({ length: parts }, () => pick(SYLLABLES)).join('');
    return s[0]!.toUpperCase() + s.slice(1);
  };
  const typo = (s: string) => {
    const i = 1 + Math.floor(random() * (s.length - 1));
    return s.slice(0, i) + s.slice(i + 1);
  };
  const date = () => `${1960 + Math.floor(random() * 45)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const out: PersonFacts[] = [];
  while (out.length < count) {
    const p: PersonFacts = {
      givenNames: name(2),
      familyNames: name(3),
      aliases: opts.varied && random() < 0.1 ? [`${name(2)} ${name(3)}`] : [],
      sex: random() < 0.5 ? 'female' : 'male',
      birthDate: !opts.varied || random() < 0.9 ? date() : null,
      birthYear: null,
      citizenships: [pick(['RO', 'UA', 'TH', 'ES', 'SO'])],
    };
    if (p.birthDate === null) p.birthYear = 1960 + Math.floor(random() * 45);
    out.push(p);
    if (random() < 0.25 && out.length < count) out.push({ ...p, givenNames: random() < 0.5 ? typo(p.givenNames) : p.givenNames });
  }
  return out;
}

/** A person's stored columns, names still plain. */
export function personColumns(p: PersonFacts) {
  return {
    given_names: p.givenNames,
    family_names: p.familyNames,
    aliases: [...(p.aliases ?? [])],
    sex: p.sex ?? 'unknown',
    birth_date: p.birthDate ?? null,
    birth_year: p.birthYear ?? null,
    estimated_age: null,
    estimated_age_on: null,
    citizenships: [...(p.citizenships ?? [])],
    protected_identity: false,
  };
}

/** The same persons as the rows the duplicate search loads. */
export function syntheticRows(count: number, seed = 7): PersonMatchRow[] {
  return syntheticPersons(count, seed, { varied: false }).map((p, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, ...personColumns(p) }));
}
