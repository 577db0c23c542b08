// One registration of an invented person: the spelling chosen for this record, and the noise a
// registration picks up. Each rate below is a guess at what referral data looks like, kept
// deliberately hard; docs/matching.md lists them next to the results.

import type { MatchRecord } from '../../domain/matching/types';
import { randomInt } from '../../domain/matching/prng';
import { isoDate, stripDiacritics, toCedilla, typoInName } from './noise';
import type { DateParts } from './noise';
import { romanise } from './romanise';
import type { RomanSystem } from './romanise';

export type Culture = 'romanian' | 'thai' | 'ukrainian' | 'russian' | 'spanish';

export type NameMaterial =
  | { kind: 'slavic'; givenUk: string; givenRu: string; root: string; suffix: readonly [string, string]; surname: string; patronymicUk: string; patronymicRu: string }
  | { kind: 'latin'; given: string[]; family: string[] }
  | { kind: 'thai'; given: readonly string[]; givenSpelling: string; surname: (readonly string[])[]; surnameSpelling: string[]; nickname: string };

export interface Person {
  entity: number;
  culture: Culture;
  /** Has an identity document: names are copied from it and the birth date is known. */
  documented: boolean;
  sex: 'f' | 'm';
  birth: DateParts;
  citizenship: string;
  names: NameMaterial;
}

export const RATES = {
  swapOrder: 0.12,
  allInGivenField: 0.03,
  typo: 0.08,
  secondTypo: 0.02,
  upperCase: 0.2,
  cyrillicScript: 0.08,
  russianFormForUkrainian: 0.15,
  patronymic: 0.2,
  /** Documented people's names are copied from the passport, but not always. */
  documentedOtherSpelling: 0.2,
  thaiRespell: 0.4,
  thaiNickname: 0.03,
  diacriticsDropped: 0.35,
  cedilla: 0.2,
  dropSecondGiven: 0.35,
  spanishOneSurname: 0.35,
  // Documented people: the date is known, but still mistyped, defaulted or left out at times.
  birthFirstJanuary: 0.03,
  birthYearOnly: 0.03,
  birthMissing: 0.04,
  birthDayMonthSwap: 0.02,
  birthDayTypo: 0.02,
  birthFuture: 0.003,
  // Undocumented people: each registration estimates the age afresh.
  estimatedFirstJanuary: 0.4,
  estimatedYearOnly: 0.25,
  estimatedMissing: 0.15,
  sexMissing: 0.08,
  sexWrong: 0.01,
  citizenshipMissing: 0.12,
};

const SLAVIC_SYSTEMS: ReadonlyArray<readonly [RomanSystem, number]> = [
  ['kmu', 0.4], ['icao', 0.2], ['bgn', 0.15], ['german', 0.06], ['french', 0.04], ['polish', 0.05], ['ear', 0.1],
];

function pick<T>(items: ReadonlyArray<readonly [T, number]>, random: () => number): T {
  let r = random();
  for (const [item, w] of items) {
    if (r < w) return item;
    r -= w;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

function slavicNames(n: Extract<NameMaterial, { kind: 'slavic' }>, person: Person, random: () => number): [string, string] {
  const fromPassport = person.documented && random() >= RATES.documentedOtherSpelling;
  const useRussian = person.culture === 'russian' || (!fromPassport && random() < RATES.russianFormForUkrainian);
  let given = useRussian ? n.givenRu : n.givenUk;
  if (random() < RATES.patronymic) given += ` ${useRussian ? n.patronymicRu : n.patronymicUk}`;
  if (!fromPassport && random() < RATES.cyrillicScript) return [given, n.surname];
  const passportSystem: RomanSystem = person.culture === 'russian' ? 'icao' : 'kmu';
  const system = fromPassport ? passportSystem : pick(SLAVIC_SYSTEMS, random);
  return [romanise(given, system, random), romanise(n.surname, system, random)];
}

function latinNames(n: Extract<NameMaterial, { kind: 'latin' }>, culture: Culture, random: () => number): [string, string] {
  let given = n.given.length > 1 && random() < RATES.dropSecondGiven ? (n.given[0] as string) : n.given.join(random() < 0.2 ? '-' : ' ');
  let family = n.family.length > 1 && random() < RATES.spanishOneSurname ? (n.family[0] as string) : n.family.join(random() < 0.15 ? '-' : ' ');
  if (random() < RATES.diacriticsDropped) {
    given = stripDiacritics(given);
    family = stripDiacritics(family);
  } else if (culture === 'romanian' && random() < RATES.cedilla) {
    given = toCedilla(given);
    family = toCedilla(family);
  }
  return [given, family];
}

function thaiNames(n: Extract<NameMaterial, { kind: 'thai' }>, documented: boolean, random: () => number): [string, string] {
  const respell = documented ? RATES.documentedOtherSpelling / 2 : RATES.thaiRespell;
  let given = random() < respell ? (n.given[randomInt(random, n.given.length)] as string) : n.givenSpelling;
  if (!documented && random() < RATES.thaiNickname) given = n.nickname;
  const syllables = n.surname.map((s, i) => (random() < respell / 2 ? (s[randomInt(random, s.length)] as string) : (n.surnameSpelling[i] as string)));
  const joined = syllables.join('');
  return [given, joined[0]?.toUpperCase() + joined.slice(1)];
}

/** An estimated age: right to the year two times in five, otherwise one or two years out. */
function estimatedYear(year: number, random: () => number): number {
  const r = random();
  if (r < 0.4) return year;
  if (r < 0.8) return year + (random() < 0.5 ? -1 : 1);
  return year + (random() < 0.5 ? -2 : 2);
}

function estimatedBirth(birth: DateParts, random: () => number): Pick<MatchRecord, 'birthDate' | 'birthYear'> {
  const r = random();
  let edge = RATES.estimatedFirstJanuary;
  if (r < edge) return { birthDate: isoDate({ year: estimatedYear(birth.year, random), month: 1, day: 1 }), birthYear: null };
  if (r < (edge += RATES.estimatedYearOnly)) return { birthDate: null, birthYear: estimatedYear(birth.year, random) };
  if (r < (edge += RATES.estimatedMissing)) return { birthDate: null, birthYear: null };
  // The rest state a full date themselves; it may still differ between registrations.
  return { birthDate: isoDate(birth), birthYear: null };
}

function birthFields(birth: DateParts, documented: boolean, random: () => number): Pick<MatchRecord, 'birthDate' | 'birthYear'> {
  if (!documented) return estimatedBirth(birth, random);
  const r = random();
  let edge = RATES.birthFirstJanuary;
  if (r < edge) return { birthDate: isoDate({ ...birth, month: 1, day: 1 }), birthYear: null };
  if (r < (edge += RATES.birthYearOnly)) return { birthDate: null, birthYear: birth.year };
  if (r < (edge += RATES.birthMissing)) return { birthDate: null, birthYear: null };
  if (r < (edge += RATES.birthDayMonthSwap) && birth.day <= 12) return { birthDate: isoDate({ ...birth, month: birth.day, day: birth.month }), birthYear: null };
  if (r < (edge += RATES.birthDayTypo)) return { birthDate: isoDate({ ...birth, day: 1 + ((birth.day + 9) % 28) }), birthYear: null };
  if (r < (edge += RATES.birthFuture)) return { birthDate: isoDate({ ...birth, year: 2091 }), birthYear: null };
  return { birthDate: isoDate(birth), birthYear: null };
}

export function renderRecord(person: Person, id: string, random: () => number): MatchRecord {
  const n = person.names;
  let [given, family] =
    n.kind === 'slavic' ? slavicNames(n, person, random) : n.kind === 'latin' ? latinNames(n, person.culture, random) : thaiNames(n, person.documented, random);
  if (random() < RATES.typo) given = typoInName(given, random);
  if (random() < RATES.typo) family = typoInName(family, random);
  if (random() < RATES.secondTypo) family = typoInName(family, random);
  if (random() < RATES.swapOrder) [given, family] = [family, given];
  else if (random() < RATES.allInGivenField) [given, family] = [`${given} ${family}`, ''];
  if (random() < RATES.upperCase) {
    given = given.toUpperCase();
    family = family.toUpperCase();
  }
  const sexRoll = random();
  const sex = sexRoll < RATES.sexMissing ? null : sexRoll < RATES.sexMissing + RATES.sexWrong ? (person.sex === 'f' ? 'm' : 'f') : person.sex;
  return {
    id,
    givenNames: given,
    familyNames: family,
    ...birthFields(person.birth, person.documented, random),
    sex,
    citizenships: random() < RATES.citizenshipMissing ? [] : [person.citizenship],
  };
}
