// Drawing one invented person's names for the generator: given names by a Zipf-like popularity
// (so common names are shared by many different people, as in life), surnames from a common
// head plus a long tail, and relatives who inherit the surname.

import { randomInt } from '../../domain/matching/prng';
import type { DateParts } from './noise';
import { ROMANIAN_FEMALE, ROMANIAN_MALE, ROMANIAN_SURNAMES, SPANISH_FEMALE, SPANISH_MALE, SPANISH_SURNAMES, THAI_FEMALE, THAI_MALE, THAI_NICKNAMES, THAI_SYLLABLES } from './pools-latin';
import { SLAVIC_FEMALE, SLAVIC_MALE, SLAVIC_PATRONYMICS, SLAVIC_SURNAME_ROOTS, SLAVIC_SURNAME_SUFFIXES } from './pools-slavic';
import type { Culture, NameMaterial, Person } from './render';

const ROMANIAN_TAIL_ROOTS = ['Bud', 'Cost', 'Dob', 'Drag', 'Frun', 'Gav', 'Hodor', 'Lup', 'Neg', 'Rad', 'Sim', 'Stoi', 'Tod', 'Zam', 'Bârl', 'Căl', 'Chir', 'Făg', 'Găl', 'Nec', 'Pan', 'Păun', 'Sav', 'Tăt', 'Cojoc', 'Berb', 'Murg', 'Vâlc', 'Brat', 'Carp', 'Lăc', 'Ghiț', 'Mold', 'Span', 'Țig', 'Șoim'];
const ROMANIAN_TAIL_SUFFIXES = ['escu', 'eanu', 'aru', 'ache', 'ică', 'oiu', 'uță', 'an', 'ean', 'ariu'];

/** Index drawn with weight 1 / (rank + 1)^skew: a few very common values and a long tail. */
export function zipfIndex(n: number, skew: number, random: () => number): number {
  let total = 0;
  for (let r = 0; r < n; r++) total += 1 / (r + 1) ** skew;
  let x = random() * total;
  for (let r = 0; r < n; r++) {
    x -= 1 / (r + 1) ** skew;
    if (x < 0) return r;
  }
  return n - 1;
}

function zipf<T>(items: readonly T[], skew: number, random: () => number): T {
  return items[zipfIndex(items.length, skew, random)] as T;
}

// Skews are set so that the commonest names have about the shares they have in life (a few per
// cent), with a long tail; common names are still shared by many different people.
const GIVEN_SKEW = 0.5;

function romanianSurname(random: () => number): string {
  if (random() < 0.35) return zipf(ROMANIAN_SURNAMES, 0.5, random);
  return zipf(ROMANIAN_TAIL_ROOTS, 0.3, random) + zipf(ROMANIAN_TAIL_SUFFIXES, 0.3, random);
}

function slavicSurname(sex: 'f' | 'm', root: string, suffix: readonly [string, string]): string {
  return root + (sex === 'f' ? suffix[1] : suffix[0]);
}

function thaiSurname(random: () => number): (readonly string[])[] {
  const n = 2 + randomInt(random, 2);
  return Array.from({ length: n }, () => zipf(THAI_SYLLABLES, 0.4, random));
}

function givenCount(random: () => number, compoundRate: number): number {
  return random() < compoundRate ? 2 : 1;
}

function distinctNames(pool: readonly string[], count: number, random: () => number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const n = zipf(pool, GIVEN_SKEW, random);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** True when two people's given names overlap: relatives are redrawn until they do not. */
function sharesGiven(a: NameMaterial, b: NameMaterial): boolean {
  if (a.kind === 'slavic' && b.kind === 'slavic') return a.givenUk === b.givenUk;
  if (a.kind === 'latin' && b.kind === 'latin') return a.given.some((g) => b.given.includes(g));
  if (a.kind === 'thai' && b.kind === 'thai') return a.given === b.given;
  return false;
}

function names(culture: Culture, sex: 'f' | 'm', random: () => number, head: Person | null): NameMaterial {
  // Siblings are not given the same name; a child named after a parent is drawn as a namesake.
  for (let attempt = 0; attempt < 20; attempt++) {
    const drawn = drawNames(culture, sex, random, head);
    if (head === null || !sharesGiven(drawn, head.names)) return drawn;
  }
  return drawNames(culture, sex, random, head);
}

function drawNames(culture: Culture, sex: 'f' | 'm', random: () => number, head: Person | null): NameMaterial {
  switch (culture) {
    case 'ukrainian':
    case 'russian': {
      const pair = zipf(sex === 'f' ? SLAVIC_FEMALE : SLAVIC_MALE, GIVEN_SKEW, random);
      const inherited = head?.names.kind === 'slavic' ? head.names : null;
      const root = inherited?.root ?? zipf(SLAVIC_SURNAME_ROOTS, 0.3, random);
      const suffix = inherited?.suffix ?? zipf(SLAVIC_SURNAME_SUFFIXES, 0.4, random);
      const p = zipf(SLAVIC_PATRONYMICS, 0.6, random);
      return {
        kind: 'slavic',
        givenUk: pair[0],
        givenRu: pair[1],
        root,
        suffix,
        surname: slavicSurname(sex, root, suffix),
        patronymicUk: sex === 'f' ? p[1] : p[0],
        patronymicRu: sex === 'f' ? p[3] : p[2],
      };
    }
    case 'romanian': {
      const given = distinctNames(sex === 'f' ? ROMANIAN_FEMALE : ROMANIAN_MALE, givenCount(random, 0.25), random);
      const family = head?.names.kind === 'latin' ? head.names.family : [romanianSurname(random)];
      return { kind: 'latin', given, family };
    }
    case 'spanish': {
      const given = distinctNames(sex === 'f' ? SPANISH_FEMALE : SPANISH_MALE, givenCount(random, 0.35), random);
      const own = [zipf(SPANISH_SURNAMES, 0.4, random), zipf(SPANISH_SURNAMES, 0.4, random)];
      const headFamily = head?.names.kind === 'latin' ? head.names.family : null;
      const family = headFamily === null ? own : random() < 0.5 ? headFamily : [headFamily[0] as string, own[1] as string];
      return { kind: 'latin', given, family };
    }
    case 'thai': {
      const given = zipf(sex === 'f' ? THAI_FEMALE : THAI_MALE, 0.3, random);
      const surname = head?.names.kind === 'thai' ? head.names.surname : thaiSurname(random);
      const surnameSpelling = head?.names.kind === 'thai' ? head.names.surnameSpelling : surname.map((s) => s[randomInt(random, s.length)] as string);
      return {
        kind: 'thai',
        given,
        givenSpelling: given[randomInt(random, given.length)] as string,
        surname,
        surnameSpelling,
        nickname: THAI_NICKNAMES[randomInt(random, THAI_NICKNAMES.length)] as string,
      };
    }
  }
}

/** Share of people with an identity document; the rest have estimated ages and heard names. */
export const DOCUMENTED_SHARE = 0.7;

const CITIZENSHIP: Readonly<Record<Culture, readonly string[]>> = {
  romanian: ['RO', 'RO', 'RO', 'MD'],
  thai: ['TH'],
  ukrainian: ['UA'],
  russian: ['RU', 'RU', 'RU', 'BY'],
  spanish: ['ES', 'CO', 'VE', 'PY', 'DO'],
};

export function pickPersonNames(culture: Culture, entity: number, birth: DateParts, random: () => number, head: Person | null, namesake = false): Person {
  const citizenship = head?.citizenship ?? (CITIZENSHIP[culture][randomInt(random, CITIZENSHIP[culture].length)] as string);
  // Relatives usually share the head's documentation status: families travel together.
  const documented = head !== null && random() < 0.8 ? head.documented : random() < DOCUMENTED_SHARE;
  if (namesake && head !== null) return { entity, culture, documented, sex: head.sex, birth, citizenship, names: head.names };
  const sex = random() < 0.62 ? 'f' : 'm';
  return { entity, culture, documented, sex, birth, citizenship, names: names(culture, sex, random, head) };
}
