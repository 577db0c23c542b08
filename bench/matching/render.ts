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

function slavicNames(n: Extract<NameMaterial, { kind: 'slavic' }>, person: Person, random: () => number, tags: string[]): [string, string] {
  const fromPassport = person.documented && random() >= RATES.documentedOtherSpelling;
  const useRussian = person.culture === 'russian' || (!fromPassport && random() < RATES.russianFormForUkrainian);
  if (useRussian && person.culture !== 'russian') tags.push('russian_form');
  let given = useRussian ? n.givenRu : n.givenUk;
  if (random() < RATES.patronymic) {
    given += ` ${useRussian ? n.patronymicRu : n.patronymicUk}`;
    tags.push('patronymic');
  }
  if (!fromPassport && random() < RATES.cyrillicScript) {
    tags.push('cyrillic_script');
    return [given, n.surname];
  }
  const passportSystem: RomanSystem = person.culture === 'russian' ? 'icao' : 'kmu';
  const system = fromPassport ? passportSystem : pick(SLAVIC_SYSTEMS, random);
  tags.push(`translit_${system}`);
  return [romanise(given, system, random), romanise(n.surname, system, random)];
}

function latinNames(n: Extract<NameMaterial, { kind: 'latin' }>, culture: Culture, random: () => number, tags: string[]): [string, string] {
  const dropGiven = n.given.length > 1 && random() < RATES.dropSecondGiven;
  if (dropGiven) tags.push('second_given_dropped');
  let given = dropGiven ? (n.given[0] as string) : n.given.join(random() < 0.2 ? '-' : ' ');
  const oneSurname = n.family.length > 1 && random() < RATES.spanishOneSurname;
  if (oneSurname) tags.push('one_surname');
  let family = oneSurname ? (n.family[0] as string) : n.family.join(random() < 0.15 ? '-' : ' ');
  if (random() < RATES.diacriticsDropped) {
    given = stripDiacritics(given);
    family = stripDiacritics(family);
    tags.push('diacritics_dropped');
  } else if (culture === 'romanian' && random() < RATES.cedilla) {
    given = toCedilla(given);
    family = toCedilla(family);
    tags.push('cedilla');
  }
  return [given, family];
}

function thaiNames(n: Extract<NameMaterial, { kind: 'thai' }>, documented: boolean, random: () => number, tags: string[]): [string, string] {
  const respell = documented ? RATES.documentedOtherSpelling / 2 : RATES.thaiRespell;
  let given = n.givenSpelling;
  if (random() < respell) {
    given = n.given[randomInt(random, n.given.length)] as string;
    if (given !== n.givenSpelling) tags.push('thai_given_respelt');
  }
  if (!documented && random() < RATES.thaiNickname) {
    given = n.nickname;
    tags.push('thai_nickname');
  }
  const syllables = n.surname.map((s, i) => {
    if (random() >= respell / 2) return n.surnameSpelling[i] as string;
    const spelling = s[randomInt(random, s.length)] as string;
    if (spelling !== n.surnameSpelling[i]) tags.push('thai_surname_respelt');
    return spelling;
  });
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

function estimatedBirth(birth: DateParts, random: () => number, tags: string[]): Pick<MatchRecord, 'birthDate' | 'birthYear'> {
  const r = random();
  let edge = RATES.estimatedFirstJanuary;
  if (r < edge) {
    tags.push('birth_estimated_1_january');
    return { birthDate: isoDate({ year: estimatedYear(birth.year, random), month: 1, day: 1 }), birthYear: null };
  }
  if (r < (edge += RATES.estimatedYearOnly)) {
    tags.push('birth_estimated_year');
    return { birthDate: null, birthYear: estimatedYear(birth.year, random) };
  }
  if (r < (edge += RATES.estimatedMissing)) {
    tags.push('birth_missing');
    return { birthDate: null, birthYear: null };
  }
  // The rest state a full date themselves; it may still differ between registrations.
  return { birthDate: isoDate(birth), birthYear: null };
}

function birthFields(birth: DateParts, documented: boolean, random: () => number, tags: string[]): Pick<MatchRecord, 'birthDate' | 'birthYear'> {
  if (!documented) return estimatedBirth(birth, random, tags);
  const r = random();
  let edge = RATES.birthFirstJanuary;
  const tagged = (tag: string, fields: Pick<MatchRecord, 'birthDate' | 'birthYear'>) => {
    tags.push(tag);
    return fields;
  };
  if (r < edge) return tagged('birth_1_january', { birthDate: isoDate({ ...birth, month: 1, day: 1 }), birthYear: null });
  if (r < (edge += RATES.birthYearOnly)) return tagged('birth_year_only', { birthDate: null, birthYear: birth.year });
  if (r < (edge += RATES.birthMissing)) return tagged('birth_missing', { birthDate: null, birthYear: null });
  if (r < (edge += RATES.birthDayMonthSwap) && birth.day <= 12) return tagged('birth_day_month_swapped', { birthDate: isoDate({ ...birth, month: birth.day, day: birth.month }), birthYear: null });
  if (r < (edge += RATES.birthDayTypo)) return tagged('birth_day_typo', { birthDate: isoDate({ ...birth, day: 1 + ((birth.day + 9) % 28) }), birthYear: null });
  if (r < (edge += RATES.birthFuture)) return tagged('birth_future', { birthDate: isoDate({ ...birth, year: 2091 }), birthYear: null });
  return { birthDate: isoDate(birth), birthYear: null };
}

/**
 * One registration of `person`. `tags` (when given) receives the noise this registration picked
 * up, for the benchmark's error analysis; recording them draws no random numbers, so the data
 * are the same with or without.
 */
export function renderRecord(person: Person, id: string, random: () => number, tags: string[] = []): MatchRecord {
  const n = person.names;
  let [given, family] =
    n.kind === 'slavic' ? slavicNames(n, person, random, tags) : n.kind === 'latin' ? latinNames(n, person.culture, random, tags) : thaiNames(n, person.documented, random, tags);
  if (random() < RATES.typo) {
    given = typoInName(given, random);
    tags.push('typo');
  }
  if (random() < RATES.typo) {
    family = typoInName(family, random);
    tags.push('typo');
  }
  if (random() < RATES.secondTypo) {
    family = typoInName(family, random);
    tags.push('typo');
  }
  if (random() < RATES.swapOrder) {
    [given, family] = [family, given];
    tags.push('swapped_order');
  } else if (random() < RATES.allInGivenField) {
    [given, family] = [`${given} ${family}`, ''];
    tags.push('all_in_given_field');
  }
  if (random() < RATES.upperCase) {
    given = given.toUpperCase();
    family = family.toUpperCase();
  }
  const sexRoll = random();
  const sex = sexRoll < RATES.sexMissing ? null : sexRoll < RATES.sexMissing + RATES.sexWrong ? (person.sex === 'f' ? 'm' : 'f') : person.sex;
  if (sex === null) tags.push('sex_missing');
  else if (sex !== person.sex) tags.push('sex_wrong');
  const birth = birthFields(person.birth, person.documented, random, tags);
  const citizenshipMissing = random() < RATES.citizenshipMissing;
  if (citizenshipMissing) tags.push('citizenship_missing');
  return { id, givenNames: given, familyNames: family, ...birth, sex, citizenships: citizenshipMissing ? [] : [person.citizenship] };
}
